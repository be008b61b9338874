import type { BlockingKey } from '../adapters/types.js';
import { FAMILY_PREFIX_LENGTH, FINER_FAMILY_PREFIX_LENGTH, FINER_GIVEN_PREFIX_LENGTH, GIVEN_PREFIX_LENGTH, namePrefix, phoneticCode, streetPrefix } from './blockingValues.js';
import type { Matcher } from './createMatcher.js';
import { keyOf } from './keyOf.js';
import { normalizePostcode, normalizeStreet } from './normalizeAddress.js';
import type { RecordProfile } from './RecordProfile.js';

/**
 * The live-blocking keys of one record (DESIGN.md §5), in passes, most selective first, so that a budget
 * cut drops the weakest: identifiers (declared ones, then any other the record holds), personal emails and
 * phones (blocked placeholders left out); then the names: family + given, family alone, the two swapped,
 * their Double Metaphone codes and their prefixes; then birth date and postcode + street prefix. Real data
 * has typos in exactly the field one blocks on, so every attribute that can find a record is a pass of its
 * own. Without duplicates. A source is only asked for the kinds it declares. Computed once per profile and
 * matcher (every clustering round asks again).
 */
export function blockingKeys(profile: RecordProfile, matcher: Matcher): readonly BlockingKey[] {
  const cached = computed.get(profile);
  if (cached?.matcher === matcher) return cached.keys;
  const keys = buildKeys(profile, matcher);
  computed.set(profile, { matcher, keys });
  return keys;
}

/** Keys by profile; weak, so they go with their profiles. Callers must not mutate the array. */
const computed = new WeakMap<RecordProfile, { readonly matcher: Matcher; readonly keys: BlockingKey[] }>();

function buildKeys(profile: RecordProfile, matcher: Matcher): BlockingKey[] {
  const keys = new Map<string, BlockingKey>();
  const add = (key: BlockingKey) => keys.set(keyOf(key), key);
  const identifiers = [...profile.identifiers].sort(([a], [b]) => Number(matcher.identifierTypes.has(b)) - Number(matcher.identifierTypes.has(a)));
  for (const [type, value] of identifiers) add({ kind: 'identifier', type, value });
  for (const value of profile.emails) if (!matcher.isBlocked('email', value)) add({ kind: 'email', value });
  for (const value of profile.phones) if (!matcher.isBlocked('phone', value)) add({ kind: 'phone', value });
  // Exact name keys carry the name as the source holds it (accents intact): vendors compare case-insensitively.
  const rawNames = profile.record.names.map((name) => {
    const words = name.full?.trim().split(/\s+/) ?? [];
    return { family: name.family?.trim() || (name.given ? null : words.at(-1)) || null, given: name.given?.trim().split(/\s+/)[0] || (name.family ? null : words.length > 1 ? words[0]! : null) || null };
  });
  for (const { family, given } of rawNames) if (family && given) add({ kind: 'name', family, given });
  for (const { family } of rawNames) if (family) add({ kind: 'name', family, given: null });
  for (const { family, given } of rawNames) {
    if (given && family) add({ kind: 'name', family: given, given: family });
    else if (given) add({ kind: 'name', family: given, given: null });
  }
  const family = profile.familyNames[0] ?? null;
  const given = profile.givenNames.find((g) => !g.includes(' ')) ?? profile.givenNames[0] ?? null;
  const familyCode = phoneticCode(family);
  const givenCode = phoneticCode(given);
  if (familyCode) add({ kind: 'namePhonetic', family: familyCode, given: givenCode });
  if (familyCode && givenCode) add({ kind: 'namePhonetic', family: givenCode, given: familyCode });
  const familyStart = namePrefix(family, FAMILY_PREFIX_LENGTH);
  const givenStart = namePrefix(given, GIVEN_PREFIX_LENGTH);
  if (familyStart) add({ kind: 'namePrefix', family: familyStart, given: givenStart });
  if (profile.birthDate) add({ kind: 'birthDate', value: profile.birthDate });
  for (const address of profile.record.addresses) {
    const street = streetPrefix(normalizeStreet(address.line1));
    const postcode = normalizePostcode(address.postcode);
    if (street && postcode) add({ kind: 'postcodeStreet', postcode, street });
  }
  return [...keys.values()];
}

/**
 * The finer pass of a record's name-prefix key (`whit` + `ayd` for `whi` + `a`), to ask when the first one
 * matched too many records to be used (generic): a common family prefix must not hide a typo'd surname's
 * other records. `null` when the record has no finer prefixes.
 */
export function finerPrefixKey(profile: RecordProfile): { readonly coarse: BlockingKey; readonly finer: BlockingKey } | null {
  const family = profile.familyNames[0] ?? null;
  const given = profile.givenNames.find((g) => !g.includes(' ')) ?? profile.givenNames[0] ?? null;
  const familyStart = namePrefix(family, FAMILY_PREFIX_LENGTH);
  const finerFamily = namePrefix(family, FINER_FAMILY_PREFIX_LENGTH) ?? familyStart;
  const finerGiven = namePrefix(given, FINER_GIVEN_PREFIX_LENGTH);
  if (!familyStart || !finerFamily || !finerGiven) return null;
  return { coarse: { kind: 'namePrefix', family: familyStart, given: namePrefix(given, GIVEN_PREFIX_LENGTH) }, finer: { kind: 'namePrefix', family: finerFamily, given: finerGiven } };
}
