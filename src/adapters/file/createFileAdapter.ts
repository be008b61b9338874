import type { CountryCode } from 'libphonenumber-js';
import type { Logger } from 'pino';
import type { IdentityRecord } from '../../domain/index.js';
import { nameParts, normalizeDate, normalizeEmail, normalizeName, normalizePhone, normalizePostcode, normalizeStreet } from '../../identity/index.js';
import { FAMILY_PREFIX_LENGTH, GIVEN_PREFIX_LENGTH, namePrefix, phoneticCode, streetPrefix } from '../../identity/blockingValues.js';
import type { BatchResult, BlockingKey, SourceAdapter } from '../types.js';
import { UpstreamError } from '../UpstreamError.js';
import type { FileSourceSettings } from './fileSourceSchema.js';
import { loadFileRecords } from './loadFileRecords.js';

/** Options of {@link createFileAdapter}. */
export interface FileAdapterOptions {
  readonly settings: FileSourceSettings;
  readonly logger?: Logger;
  /** Region for national phone formats in the file. Default `US`. */
  readonly defaultRegion?: CountryCode;
}

interface Index {
  readonly byId: Map<string, IdentityRecord>;
  readonly byKey: Map<string, IdentityRecord[]>;
}

/**
 * A `kind: file` source: a CSV or JSON Lines export (a loyalty list, event attendees) loaded once into
 * memory and indexed by every blocking-key kind: normalised email, E.164 phone, family name (+ given name),
 * phonetic codes and prefixes of the names, birth date, postcode + street prefix, and each mapped identifier.
 * Serves `search` and `getByIds` only. Loading starts at once; calls wait for it. A missing file or bad header
 * makes every call fail with `SOURCE_UNAVAILABLE` naming the problem (logged at error once); bad rows are left
 * out and each logged at error with its line number. Other sources are unaffected.
 */
export function createFileAdapter(options: FileAdapterOptions): SourceAdapter {
  const { settings } = options;
  const region = options.defaultRegion ?? 'US';
  const loaded: Promise<Index | Error> = loadFileRecords(settings).then(
    ({ records, badRows }) => {
      for (const bad of badRows) options.logger?.error({ source: settings.name, file: settings.path, row: bad.row }, `file source: row ${bad.row} skipped: ${bad.message}`);
      options.logger?.info({ source: settings.name, file: settings.path, records: records.length, badRows: badRows.length }, 'file source loaded');
      return buildIndex(records, region);
    },
    (error: unknown) => {
      const failure = new UpstreamError({ source: settings.name, kind: 'unavailable', message: `${settings.name}: ${error instanceof Error ? error.message : String(error)}` });
      options.logger?.error({ source: settings.name, file: settings.path, err: failure.message }, 'file source unavailable');
      return failure;
    },
  );
  const ready = async (): Promise<Index> => {
    const index = await loaded;
    if (index instanceof Error) throw index;
    return index;
  };
  return {
    name: settings.name,
    kind: 'file',
    capabilities: { search: true, searchKeys: ['email', 'phone', 'name', 'namePhonetic', 'namePrefix', 'birthDate', 'postcodeStreet', 'identifier'], orders: false, tickets: false, activities: false },
    async search(keys, ctx): Promise<BatchResult<IdentityRecord[]>> {
      const index = await ready();
      // Past maxSearchResults a key is generic: maxSearchResults + 1 records say so (see CallContext).
      const cap = ctx.maxSearchResults === undefined ? Number.POSITIVE_INFINITY : ctx.maxSearchResults + 1;
      return keys.map((key) => matching(index, key).slice(0, cap));
    },
    async getByIds(ids): Promise<BatchResult<IdentityRecord | null>> {
      const index = await ready();
      return ids.map((id) => index.byId.get(id) ?? null);
    },
    async sample(limit): Promise<IdentityRecord[]> {
      const index = await ready();
      return [...index.byId.values()].slice(0, Math.max(0, limit));
    },
  };
}

/**
 * Records a key finds. A `namePrefix` key longer than the indexed prefixes (a finer pass after a generic
 * one, see expandCandidates) is looked up by its indexed prefixes, then filtered by the whole prefixes.
 */
function matching(index: Index, key: BlockingKey): readonly IdentityRecord[] {
  if (key.kind !== 'namePrefix' || (key.family.length <= FAMILY_PREFIX_LENGTH && (key.given ?? '').length <= GIVEN_PREFIX_LENGTH)) return index.byKey.get(indexKey(key)) ?? [];
  const coarse = index.byKey.get(indexKey({ kind: 'namePrefix', family: key.family.slice(0, FAMILY_PREFIX_LENGTH), given: key.given?.slice(0, GIVEN_PREFIX_LENGTH) ?? null })) ?? [];
  const starts = (value: string | null, prefix: string | null) => prefix === null || (value ?? '').replace(/\s+/g, '').startsWith(prefix);
  return coarse.filter((record) => record.names.some((name) => starts(normalizeName(name.family), key.family) && starts(normalizeName(name.given)?.split(' ')[0] ?? null, key.given)));
}

function indexKey(key: BlockingKey): string {
  switch (key.kind) {
    case 'email':
    case 'phone':
    case 'birthDate':
      return `${key.kind}:${key.value}`;
    case 'name':
      return `name:${normalizeName(key.family) ?? ''}|${normalizeName(key.given) ?? ''}`;
    case 'namePhonetic':
    case 'namePrefix':
      return `${key.kind}:${key.family}|${key.given ?? ''}`;
    case 'postcodeStreet':
      return `postcodeStreet:${key.postcode}|${key.street}`;
    case 'identifier':
      return `identifier:${key.type}:${key.value.trim()}`;
    case 'orderNumber':
    case 'ticketNumber':
      // A file export holds no orders or tickets: a key no record is indexed under.
      return `lookup:${key.kind}`;
    default: {
      const unreachable: never = key;
      return unreachable;
    }
  }
}

function buildIndex(records: readonly IdentityRecord[], region: CountryCode): Index {
  const byId = new Map(records.map((r) => [r.ref.id, r]));
  const byKey = new Map<string, IdentityRecord[]>();
  const add = (key: string, record: IdentityRecord) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(record)) list.push(record);
    byKey.set(key, list);
  };
  // A name part's family and given keys, whole and by first letters: `kind:family|` and `kind:family|given`.
  const addName = (kind: string, family: string | null, given: string | null, record: IdentityRecord) => {
    if (family === null) return;
    add(`${kind}:${family}|`, record);
    if (given !== null) add(`${kind}:${family}|${given}`, record);
  };
  for (const record of records) {
    for (const email of record.emails) {
      const value = normalizeEmail(email);
      if (value) add(`email:${value}`, record);
    }
    for (const phone of record.phones) {
      const value = normalizePhone(phone, region);
      if (value) add(`phone:${value}`, record);
    }
    for (const name of record.names) {
      const { family, given } = nameParts(name);
      addName('name', family, given, record);
      const firstGiven = given?.split(' ')[0] ?? null;
      addName('namePhonetic', phoneticCode(family), phoneticCode(firstGiven), record);
      addName('namePrefix', namePrefix(family, FAMILY_PREFIX_LENGTH), namePrefix(firstGiven, GIVEN_PREFIX_LENGTH), record);
    }
    const birthDate = normalizeDate(record.birthDate);
    if (birthDate) add(`birthDate:${birthDate}`, record);
    for (const address of record.addresses) {
      const postcode = normalizePostcode(address.postcode);
      const street = streetPrefix(normalizeStreet(address.line1));
      if (postcode && street) add(`postcodeStreet:${postcode}|${street}`, record);
    }
    for (const [type, value] of Object.entries(record.identifiers)) add(`identifier:${type}:${value}`, record);
  }
  return { byId, byKey };
}
