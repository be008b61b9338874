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
