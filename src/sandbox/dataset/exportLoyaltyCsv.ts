import { nicknameFor } from './nicknames.js';
import type { SandboxDataset, SandboxPerson } from './types.js';

/** Options of {@link exportLoyaltyCsv}. */
export interface LoyaltyExportOptions {
  /** Share of people (0..1) on the loyalty list, picked deterministically by person id. Default 0.4. */
  readonly share?: number;
  /** Include email and phone columns. Default true; false gives the names/birth dates/addresses-only export. */
  readonly contactPoints?: boolean;
}

/** A store's loyalty-list export as CSV text, and which person each row is (ground truth for tests). */
export interface LoyaltyExport {
  readonly csv: string;
  readonly truth: ReadonlyArray<{ readonly id: string; readonly personId: string }>;
  /** The `columns` mapping of a `kind: file` source reading it. */
  readonly columns: Record<string, unknown>;
}

const STREET_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bStreet\b/, 'St.'],
  [/\bAvenue\b/, 'Ave'],
  [/\bRoad\b/, 'Rd'],
  [/\bDrive\b/, 'Dr.'],
  [/\bLane\b/, 'Ln'],
];

/**
 * A seeded loyalty-list CSV (RFC 4180) from the dataset, as a store's till system exports it: its own
 * member numbers (`LOY-000123`), names in capitals or with the nickname for some rows, birth dates as US
 * `MM/DD/YYYY`, ZIP+4 for some, street types abbreviated differently from the CRM. Deterministic.
 */
export function exportLoyaltyCsv(dataset: SandboxDataset, options: LoyaltyExportOptions = {}): LoyaltyExport {
  const share = options.share ?? 0.4;
  const contact = options.contactPoints ?? true;
  const header = ['member_no', 'first_name', 'last_name', ...(contact ? ['email', 'phone'] : []), 'street', 'city', 'state', 'zip', 'dob'];
  const lines = [header.join(',')];
  const truth: Array<{ id: string; personId: string }> = [];
  dataset.people.forEach((person, i) => {
    const h = hash(`${dataset.seed}:${person.personId}`);
    if (h % 1000 >= share * 1000) return;
    const id = `LOY-${String(i + 1).padStart(6, '0')}`;
    truth.push({ id, personId: person.personId });
    lines.push(row(person, id, h, contact).map(quote).join(','));
  });
  const columns = {
    id: 'member_no',
    givenName: 'first_name',
    familyName: 'last_name',
    ...(contact ? { emails: ['email'], phones: ['phone'] } : {}),
    line1: 'street',
    city: 'city',
    region: 'state',
    postcode: 'zip',
    birthDate: 'dob',
    identifiers: { loyaltyNumber: 'member_no' },
  };
  return { csv: `${lines.join('\r\n')}\r\n`, truth, columns };
}

function row(person: SandboxPerson, id: string, h: number, contact: boolean): string[] {
  const nickname = nicknameFor(person.givenName);
  const given = nickname !== null && h % 5 === 0 ? nickname : person.givenName;
  const upper = h % 7 === 0;
  let street = person.address.line1;
  for (const [pattern, short] of STREET_WORDS) street = street.replace(pattern, short);
  const [y, m, d] = person.birthDate.split('-');
  const zip = h % 3 === 0 ? `${person.address.postcode}-${String(h % 10_000).padStart(4, '0')}` : person.address.postcode;
  return [
    id,
    upper ? given.toUpperCase() : given,
    upper ? person.familyName.toUpperCase() : person.familyName,
    ...(contact ? [h % 11 === 0 ? '' : (person.email ?? ''), h % 4 === 0 ? '' : person.phone] : []),
    street,
    person.address.city,
    person.address.region,
    zip,
    `${m}/${d}/${y}`,
  ];
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** FNV-1a, for a deterministic pick without a PRNG. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
