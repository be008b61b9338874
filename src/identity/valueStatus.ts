import type { Matcher, ValueStatus } from './createMatcher.js';
import type { RecordProfile } from './RecordProfile.js';

/**
 * Classifies the linking values (emails, phones, configured identifiers) of one resolution's records:
 * - **shared**: held by records that are clearly different people (see Matcher.clearlyDifferent: given
 *   names and birth dates that disagree beyond a typo; a household email, a family phone): such a value
 *   is neutral evidence and never links deterministically. One typo never makes a value shared, and a
 *   declared `unique` identifier is never shared;
 * - **generic**: held by more than `genericMaxPeople` distinct people (given names that cannot be one
 *   person's), or listed in `knownGeneric` (a search returned too many records): ignored entirely.
 * Two records of one person (a CRM duplicate) agreeing on their names do not make a value shared.
 */
export function valueStatus(profiles: readonly RecordProfile[], matcher: Matcher, genericMaxPeople: number, knownGeneric: ReadonlySet<string>): ValueStatus {
  const holders = new Map<string, RecordProfile[]>();
  const add = (key: string, profile: RecordProfile) => holders.set(key, [...(holders.get(key) ?? []), profile]);
  for (const profile of profiles) {
    for (const email of profile.emails) add(`email:${email}`, profile);
    for (const phone of profile.phones) add(`phone:${phone}`, profile);
    for (const [type, value] of profile.identifiers) if (!matcher.uniqueIdentifierTypes.has(type)) add(`identifier:${type}:${value}`, profile);
  }
  const shared = new Set<string>();
  const generic = new Set<string>(knownGeneric);
  for (const [key, list] of holders) {
    if (list.length < 2) continue;
    // Greedy grouping into distinct people: a record joins the first group none of whose members it is clearly not.
    const people: RecordProfile[][] = [];
    for (const profile of list) {
      const group = people.find((members) => members.every((other) => !matcher.clearlyDifferent(profile, other)));
      if (group) group.push(profile);
      else people.push([profile]);
    }
    if (people.length > genericMaxPeople) generic.add(key);
    else if (people.length > 1) shared.add(key);
  }
  return { shared, generic };
}
