import type { PhoneFormat } from './corruptPhone.js';

/** A field of a person a source may hold. */
export type LinkageField = 'givenName' | 'familyName' | 'birthDate' | 'email' | 'phone' | 'street' | 'city' | 'state' | 'postcode';

/** One simulated source system: what it holds about people, how often, and how dirty. */
export interface LinkageSourceSpec {
  /** Source name in the config (`crm`), and the file `<name>.csv`. */
  readonly name: string;
  /** Record ids are this prefix and a number (`C0000001`). */
  readonly idPrefix: string;
  /** Share of all people with at least one record here (a person in no source is put in one, by these weights). */
  readonly coverage: number;
  /** Share of this source's people who have 2 records here (a quarter of those have 3): re-registrations, guest checkouts. */
  readonly duplicateRate: number;
  /** Weights of 0, 1, 2, 3 … errors in one record. */
  readonly errorsPerRecord: readonly number[];
  /** Share of records where a field the person has is simply not filled in (before any error). */
  readonly missing: Partial<Record<LinkageField, number>>;
  /** Column name of each field this source has; a field not listed is not in the file. `fullName` replaces given + family. */
  readonly columns: { readonly id: string; readonly fullName?: string } & Partial<Record<LinkageField, string>>;
  /** How this source writes phone numbers, by weight. */
  readonly phoneFormats: ReadonlyArray<readonly [PhoneFormat, number]>;
  /** How this source writes birth dates, by weight. */
  readonly dateFormats: ReadonlyArray<readonly ['iso' | 'compact' | 'us', number]>;
  /** Share of records keyed in lower case (customers typing their own details). */
  readonly lowerCaseRate: number;
  /** Share of records whose street type is written abbreviated (`St` for `Street`) as a house style, not an error. */
  readonly abbreviateStreetRate: number;
}

/**
 * The three default sources: a CRM (names, email, phone, mailing address, birth date; fairly clean, few
 * duplicates), a web shop (names, email, phone, shipping address; customers type their own details, guest
 * checkouts duplicate people) and a support desk (one name field, email, phone; dirtiest, many blanks).
 */
export const DEFAULT_LINKAGE_SOURCES: readonly LinkageSourceSpec[] = [
  {
    name: 'crm', idPrefix: 'C', coverage: 0.7, duplicateRate: 0.04, errorsPerRecord: [40, 35, 18, 7],
    missing: { birthDate: 0.15, phone: 0.1, email: 0.05 },
    columns: { id: 'contact_id', givenName: 'first_name', familyName: 'last_name', email: 'email', phone: 'phone', street: 'mailing_street', city: 'mailing_city', state: 'mailing_state', postcode: 'mailing_postal_code', birthDate: 'birthdate' },
    phoneFormats: [['parenthesised', 80], ['dashed', 15], ['digits', 5]],
    dateFormats: [['iso', 90], ['compact', 5], ['us', 5]],
    lowerCaseRate: 0, abbreviateStreetRate: 0.2,
  },
  {
    name: 'shop', idPrefix: 'S', coverage: 0.6, duplicateRate: 0.1, errorsPerRecord: [35, 35, 20, 10],
    missing: { phone: 0.3 },
    columns: { id: 'customer_id', givenName: 'first_name', familyName: 'last_name', email: 'email', phone: 'phone', street: 'address1', city: 'city', state: 'province_code', postcode: 'zip' },
    phoneFormats: [['e164', 100]],
    dateFormats: [['iso', 100]],
    lowerCaseRate: 0.12, abbreviateStreetRate: 0.6,
  },
  {
    name: 'support', idPrefix: 'Z', coverage: 0.45, duplicateRate: 0.08, errorsPerRecord: [30, 35, 25, 10],
    missing: { phone: 0.5 },
    columns: { id: 'user_id', fullName: 'name', email: 'email', phone: 'phone' },
    phoneFormats: [['dashed', 30], ['parenthesised', 25], ['digits', 20], ['international', 15], ['dotted', 10]],
    dateFormats: [['iso', 100]],
    lowerCaseRate: 0.15, abbreviateStreetRate: 0,
  },
];

/** Whether a source holds a field (`givenName`/`familyName` count as held through `fullName`). */
export function sourceHas(spec: LinkageSourceSpec, field: LinkageField): boolean {
  if ((field === 'givenName' || field === 'familyName') && spec.columns.fullName) return true;
  return spec.columns[field] !== undefined;
}
