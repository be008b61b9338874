import type { CountryCode } from 'libphonenumber-js';
import type { IdentityRecord, PostalAddress, SourceRef } from '../domain/index.js';
import { normalizeEmail, normalizePhone } from '../identity/index.js';

/** One distinct value with the records holding it; `primary` marks the one to show first. */
export interface Sourced<T> {
  readonly value: T;
  readonly primary: boolean;
  readonly sources: readonly SourceRef[];
}

/** A name as merged across records. */
export interface MergedName {
  readonly given: string | null;
  readonly family: string | null;
  readonly full: string;
}

/** Everything {@link mergeContactPoints} returns. */
export interface MergedContactPoints {
  readonly names: ReadonlyArray<Sourced<MergedName>>;
  readonly emails: ReadonlyArray<Sourced<string>>;
  readonly phones: ReadonlyArray<Sourced<string>>;
  readonly addresses: ReadonlyArray<Sourced<PostalAddress>>;
}

/**
 * Merges the contact points of one person's records into distinct values, each with the records that hold
 * it. Emails and phones are compared normalised (lower-case email, E.164 phone) and returned normalised;
 * names and addresses are compared case-, accent- and space-insensitively and returned as the
 * highest-priority record wrote them. `records` must be in priority order (anchor first): the first value
 * seen is primary; the rest follow by how many records hold them.
 */
export function mergeContactPoints(records: readonly IdentityRecord[], defaultRegion: CountryCode): MergedContactPoints {
  const names = new Collector<MergedName>();
  const emails = new Collector<string>();
  const phones = new Collector<string>();
  const addresses = new Collector<PostalAddress>();
  for (const record of records) {
    for (const name of record.names) {
      const full = name.full?.trim() || [name.given, name.family].filter(Boolean).join(' ').trim();
      if (full) names.add(fold(full), { given: name.given, family: name.family, full }, record.ref);
    }
    for (const raw of record.emails) {
      const email = normalizeEmail(raw);
      if (email) emails.add(email, email, record.ref);
    }
    for (const raw of record.phones) {
      const phone = normalizePhone(raw, defaultRegion);
      if (phone) phones.add(phone, phone, record.ref);
    }
    for (const address of record.addresses) {
      const key = fold(`${address.line1 ?? ''}|${(address.postcode ?? '').slice(0, 5)}`);
      if (key !== '|') addresses.add(key, address, record.ref);
    }
  }
  return { names: names.values(), emails: emails.values(), phones: phones.values(), addresses: addresses.values() };
}

/** Folded texts by text, at most {@link FOLD_MEMO_MAX}: every request merges the same customers' names and addresses again. */
const FOLD_MEMO_MAX = 10_000;
let folded = new Map<string, string>();

function fold(text: string): string {
  let key = folded.get(text);
  if (key === undefined) {
    key = foldUncached(text);
    // A full map is started afresh (a new map, so the old one's table goes with it).
    if (folded.size >= FOLD_MEMO_MAX) folded = new Map();
    folded.set(text, key);
  }
  return key;
}

function foldUncached(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9|]+/g, ' ')
    .trim();
}

class Collector<T> {
  private readonly entries = new Map<string, { value: T; sources: SourceRef[]; order: number }>();

  add(key: string, value: T, ref: SourceRef): void {
    const entry = this.entries.get(key);
    if (!entry) this.entries.set(key, { value, sources: [ref], order: this.entries.size });
    else if (!entry.sources.some((s) => s.source === ref.source && s.id === ref.id)) entry.sources.push(ref);
  }

  values(): Array<Sourced<T>> {
    const all = [...this.entries.values()];
    const [first, ...rest] = all;
    if (!first) return [];
    rest.sort((a, b) => b.sources.length - a.sources.length || a.order - b.order);
    return [{ value: first.value, primary: true, sources: first.sources }, ...rest.map((e) => ({ value: e.value, primary: false, sources: e.sources }))];
  }
}
