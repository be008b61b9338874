import type { BlockingKey } from '../adapters/types.js';
import type { Matcher } from './createMatcher.js';
import { keyOf } from './keyOf.js';
import type { RecordProfile } from './RecordProfile.js';

/**
 * The live-blocking keys of one record (DESIGN.md §5), most selective first: its configured identifiers,
 * personal emails and phones (blocked placeholders left out), then its family name. Sources cannot search
 * surname + birth date or surname + postcode, so the family name is searched alone and the results are
 * filtered on the gateway by score (see expandCandidates). Without duplicates.
 */
export function blockingKeys(profile: RecordProfile, matcher: Matcher): BlockingKey[] {
  const keys = new Map<string, BlockingKey>();
  const add = (key: BlockingKey) => keys.set(keyOf(key), key);
  for (const [type, value] of profile.identifiers) if (matcher.identifierTypes.has(type)) add({ kind: 'identifier', type, value });
  for (const value of profile.emails) if (!matcher.isBlocked('email', value)) add({ kind: 'email', value });
  for (const value of profile.phones) if (!matcher.isBlocked('phone', value)) add({ kind: 'phone', value });
  // The raw family name as the source holds it (accents intact): searches compare case-insensitively.
  for (const name of profile.record.names) {
    const family = name.family?.trim() || name.full?.trim().split(/\s+/).at(-1);
    if (family) add({ kind: 'name', family, given: null });
  }
  return [...keys.values()];
}
