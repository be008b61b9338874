/**
 * Normalises a name part for comparison: Unicode NFKD with combining marks removed (`Zoë` → `zoe`), lower
 * case, punctuation (`'`, `.`, `-`, `,`) removed or turned into spaces, white space collapsed. Returns `null`
 * for an empty result. `O'Brien`, `OBrien` and `o brien` are not all equal: apostrophes are dropped (→
 * `obrien`) while hyphens become spaces (`Smith-Jones` → `smith jones`), as people write them.
 */
export function normalizeName(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[''`´.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return value === '' ? null : value;
}

/**
 * The normalised given and family name of one name: its parts, or, when a source gives only a `full` name
 * (Zendesk's `name`, a one-column export), its first word as given and its last as family (`Ann` alone is a
 * family name). Matching and every source's name index read names this one way, so that a record found by
 * its name from one side is found from the other.
 */
export function nameParts(name: { readonly given: string | null; readonly family: string | null; readonly full: string | null }): { given: string | null; family: string | null } {
  const given = normalizeName(name.given);
  const family = normalizeName(name.family);
  if (given !== null || family !== null) return { given, family };
  const words = normalizeName(name.full)?.split(' ') ?? [];
  return { given: words.length > 1 ? words[0]! : null, family: words.at(-1) ?? null };
}
