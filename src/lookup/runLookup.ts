import type { SourceAdapter } from '../adapters/types.js';
import type { IdentityRecord, SourceRef } from '../domain/index.js';
import { normalizeDate, normalizeName, normalizePostcode, type Cluster, type IdentityResolver, type IdentitySourceAccess, type ResolutionFailure } from '../identity/index.js';
import type { LookupReading } from './planLookup.js';

/** Most source records one non-email/phone reading turns into customers (a common surname stops here). */
export const MAX_RECORDS_PER_READING = 25;
/** Most candidates a lookup returns, best first. */
export const MAX_LOOKUP_CANDIDATES = 10;

/** One person a lookup found, with why. */
export interface LookupHit {
  readonly cluster: Cluster;
  /** The readings that found this person, in plan order. */
  readonly kinds: readonly LookupReading['kind'][];
  /** Source records of this person that carry the looked-up value. */
  readonly matchedRefs: readonly SourceRef[];
  /** Ranking score: higher is a better fit (see {@link runLookup}). */
  readonly score: number;
  /** Why, in words (no values: the agent typed them). */
  readonly reasons: readonly string[];
}

/** The outcome of {@link runLookup}: hits best first, which readings found someone, and failed sources. */
export interface LookupOutcome {
  readonly hits: readonly LookupHit[];
  readonly matchedKinds: readonly LookupReading['kind'][];
  readonly failures: readonly ResolutionFailure[];
  /** True when a reading found more records than {@link MAX_RECORDS_PER_READING}. */
  readonly truncated: boolean;
}

/** What {@link runLookup} needs from the gateway. */
export interface LookupDeps {
  readonly identity: IdentityResolver;
  readonly access: IdentitySourceAccess;
  readonly adapters: readonly SourceAdapter[];
}

interface Found {
  readonly reading: LookupReading;
  readonly cluster: Cluster;
  readonly refs: SourceRef[];
  readonly score: number;
  readonly reasons: string[];
}

const KIND_WORDS: Record<LookupReading['kind'], string> = {
  email: 'email',
  phone: 'phone',
  orderNumber: 'order number',
  ticketNumber: 'ticket/case number',
  identifier: 'identifier',
  name: 'name',
};

/**
 * Tries every reading of a lookup (issue 14) in parallel and ranks the people found. Email and phone go
 * through the identity resolver's key resolution (crosswalk cached); the other kinds ask each source that
 * can search them (`capabilities.lookupKinds` for order/ticket numbers; every searchable source for names
 * and identifiers) through the request's loaders, keep at most {@link MAX_RECORDS_PER_READING} records, and
 * turn each record into its customer with `resolveRef` (the crosswalk's ref entry). Names are filtered and
 * scored on the gateway: family name required, given name, birth date and postcode add to the score; a
 * typed birth date or postcode that a record contradicts drops it. A failing source is reported in
 * `failures` and the other readings still answer.
 */
export async function runLookup(readings: readonly LookupReading[], deps: LookupDeps): Promise<LookupOutcome> {
  const failures: ResolutionFailure[] = [];
  let truncated = false;
  const perReading = await Promise.all(
    readings.map(async (reading): Promise<Found[]> => {
      if (reading.kind === 'email' || reading.kind === 'phone') {
        const resolved = await deps.identity.resolveKey(reading.key, deps.access);
        failures.push(...resolved.failures);
        const value = resolved.value;
        const matches = value.status === 'matched' ? [value.match] : value.status === 'ambiguous' ? value.matches : [];
        return matches.map((m) => ({ reading, cluster: m.cluster, refs: [...m.matchedRefs], score: 10 + m.matchedRefs.length, reasons: [`${m.matchedRefs.length} record(s) of this person carry the ${reading.kind} (${sourcesOf(m.matchedRefs)}); ${matches.length - 1} other person(s) carry it too`] }));
      }
      const sources = deps.adapters.filter((a) => a.capabilities.search && deps.access.searchableSources.includes(a.name) && canSearch(a, reading)).map((a) => a.name);
      const records: IdentityRecord[] = [];
      await Promise.all(
        sources.map(async (source) => {
          try {
            records.push(...(await deps.access.search(source, reading.key)));
          } catch (error) {
            failures.push({ source, error: error instanceof Error ? error : new Error(String(error)) });
          }
        }),
      );
      // Records whose birth date or postcode contradicts the typed one rule their whole person out.
      const contradicted = new Set<string>();
      const scored = records.flatMap((record) => {
        const fit = scoreRecord(reading, record);
        if (fit === 'contradicted') contradicted.add(`${record.ref.source}/${record.ref.id}`);
        return fit && fit !== 'contradicted' ? [{ record, ...fit }] : [];
      });
      scored.sort((a, b) => b.score - a.score);
      if (scored.length > MAX_RECORDS_PER_READING) truncated = true;
      const found: Found[] = [];
      for (const hit of scored.slice(0, MAX_RECORDS_PER_READING)) {
        let cluster: Cluster | null;
        try {
          const resolved = await deps.identity.resolveRef(hit.record.ref, deps.access);
          failures.push(...resolved.failures);
          cluster = resolved.value;
        } catch (error) {
          failures.push({ source: hit.record.ref.source, error: error instanceof Error ? error : new Error(String(error)) });
          continue;
        }
        if (!cluster || cluster.links.some((l) => contradicted.has(`${l.ref.source}/${l.ref.id}`))) continue;
        const same = found.find((f) => f.cluster.customerId === cluster.customerId);
        if (same) {
          same.refs.push(hit.record.ref);
          continue;
        }
        found.push({ reading, cluster, refs: [hit.record.ref], score: hit.score, reasons: hit.reasons });
      }
      for (const f of found) if (reading.kind !== 'name') f.reasons.splice(0, f.reasons.length, `${KIND_WORDS[reading.kind]}${reading.kind === 'identifier' ? ` ${reading.key.type}` : ''} found in ${sourcesOf(f.refs)} (${f.refs.length} record(s))`);
      return found;
    }),
  );
  const byCustomer = new Map<string, { cluster: Cluster; kinds: LookupReading['kind'][]; refs: SourceRef[]; score: number; reasons: string[] }>();
  const matchedKinds: LookupReading['kind'][] = [];
  for (const found of perReading.flat()) {
    if (!matchedKinds.includes(found.reading.kind)) matchedKinds.push(found.reading.kind);
    const entry = byCustomer.get(found.cluster.customerId) ?? { cluster: found.cluster, kinds: [], refs: [], score: 0, reasons: [] };
    if (!entry.kinds.includes(found.reading.kind)) entry.kinds.push(found.reading.kind);
    for (const ref of found.refs) if (!entry.refs.some((r) => r.source === ref.source && r.id === ref.id)) entry.refs.push(ref);
    entry.score = Math.max(entry.score, found.score) + (entry.score > 0 ? 1 : 0);
    entry.reasons.push(...found.reasons);
    byCustomer.set(found.cluster.customerId, entry);
  }
  const hits = [...byCustomer.values()]
    .map(({ cluster, kinds, refs, score, reasons }) => ({ cluster, kinds, matchedRefs: refs, score, reasons }))
    .sort((a, b) => b.score - a.score || b.matchedRefs.length - a.matchedRefs.length || (a.cluster.customerId < b.cluster.customerId ? -1 : 1))
    .slice(0, MAX_LOOKUP_CANDIDATES);
  return { hits, matchedKinds, failures, truncated };
}

function canSearch(adapter: SourceAdapter, reading: LookupReading): boolean {
  if (reading.kind === 'orderNumber' || reading.kind === 'ticketNumber') return adapter.capabilities.lookupKinds?.includes(reading.kind) ?? false;
  return true;
}

function sourcesOf(refs: readonly SourceRef[]): string {
  return [...new Set(refs.map((r) => r.source))].join(', ');
}

/**
 * A record's fit to a reading: null when the name does not fit, `contradicted` when the name fits but the
 * typed birth date or postcode differs from the record's (name readings only; other kinds fit as found).
 */
function scoreRecord(reading: LookupReading, record: IdentityRecord): { score: number; reasons: string[] } | 'contradicted' | null {
  if (reading.kind !== 'name') return { score: 10, reasons: [] };
  const family = normalizeName(reading.key.family);
  const given = normalizeName(reading.key.given);
  let best: { score: number; reasons: string[] } | null = null;
  for (const name of record.names) {
    const words = normalizeName(name.full)?.split(' ') ?? [];
    const recordFamily = normalizeName(name.family) ?? words.at(-1) ?? null;
    const recordGiven = normalizeName(name.given) ?? (words.length > 1 ? words[0]! : null);
    if (!family || recordFamily !== family) continue;
    const reasons = [`family name matches (${record.ref.source})`];
    let score = 4;
    if (given) {
      if (recordGiven === given) {
        score += 3;
        reasons.push('given name matches');
      } else if (recordGiven && (recordGiven.startsWith(given) || given.startsWith(recordGiven))) {
        score += 1;
        reasons.push('given name partly matches');
      } else continue;
    }
    if (!best || score > best.score) best = { score, reasons };
  }
  if (!best) return null;
  if (reading.birthDate) {
    const born = normalizeDate(record.birthDate);
    if (born && born !== reading.birthDate) return 'contradicted';
    if (born) {
      best.score += 4;
      best.reasons.push('birth date matches');
    } else best.reasons.push('no birth date on record');
  }
  if (reading.postcode) {
    const codes = record.addresses.map((a) => normalizePostcode(a.postcode)).filter((p): p is string => p !== null);
    if (codes.length > 0 && !codes.includes(reading.postcode)) return 'contradicted';
    if (codes.length > 0) {
      best.score += 3;
      best.reasons.push('postcode matches');
    } else best.reasons.push('no postcode on record');
  }
  return best;
}
