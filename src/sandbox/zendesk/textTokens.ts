/**
 * Lower-cased words of a name or free text for search matching: accents folded (`José` → `jose`),
 * split on anything that is not a letter, digit or apostrophe.
 */
export function textTokens(text: string | null): string[] {
  if (!text) return [];
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((token) => token !== '');
}

/** Words of an email address (`jane.doe+vip@example.com` → jane, doe, vip, example, com). */
export function emailTokens(email: string | null): string[] {
  if (!email) return [];
  return email
    .toLowerCase()
    .split(/[@.+_-]+/)
    .filter((token) => token !== '');
}

/** True when `phrase` appears in `tokens` as consecutive words. An empty phrase never matches. */
export function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    if (phrase.every((word, k) => tokens[start + k] === word)) return true;
  }
  return false;
}

/**
 * True when `phrase` appears in `tokens` as consecutive words, its last word only as the start of a word
 * (a wildcard search, `doe*`). An empty phrase never matches.
 */
export function containsPrefixPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  const last = phrase.length - 1;
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    if (phrase.every((word, k) => (k === last ? tokens[start + k]!.startsWith(word) : tokens[start + k] === word))) return true;
  }
  return false;
}

/** The last 10 digits of a phone number in any format (`+1 (415) 555-1212` → `4155551212`). */
export function phoneKey(phone: string | null): string {
  return (phone ?? '').replace(/\D/g, '').slice(-10);
}
