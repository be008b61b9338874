import type { ConsentStatement } from './Consent.js';
import type { FetchInfo } from './FetchInfo.js';
import type { SourceRef } from './SourceRef.js';

/** A person's name as one source holds it. Any part may be missing. */
export interface PersonName {
  readonly given: string | null;
  readonly family: string | null;
  /** The name as the source displays it (Salesforce `Name`, Zendesk `name`). */
  readonly full: string | null;
}

/** A postal address as one source holds it; parts are raw source text. */
export interface PostalAddress {
  readonly line1: string | null;
  readonly city: string | null;
  readonly region: string | null;
  readonly postcode: string | null;
  /** ISO 3166-1 alpha-2 where the source gives it, else the source's text. */
  readonly country: string | null;
}

/**
 * What identity matching sees of one source record (DESIGN.md §4). Values are **raw** as the source
 * returned them (the identity layer normalises); adapters only map wire fields onto this shape.
 */
export interface IdentityRecord {
  readonly ref: SourceRef;
  readonly names: readonly PersonName[];
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly addresses: readonly PostalAddress[];
  /** ISO 8601 date (`YYYY-MM-DD`) or null. */
  readonly birthDate: string | null;
  /** Named identifiers such as `loyaltyNumber` or `externalId`. */
  readonly identifiers: Readonly<Record<string, string>>;
  /** ISO 8601 timestamps from the source, or null when it has none. */
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  /** Marketing/contact consent the source holds per channel; absent or empty when it holds none. */
  readonly consent?: readonly ConsentStatement[];
  /** How this value reached the request; absent = fetched live now. */
  readonly fetch?: FetchInfo;
}
