const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * A Salesforce record id in its 18-character case-safe form, from either form, or null when `id` is not an id
 * of the object with `keyPrefix` (`003` Contact). The suffix encodes, per 5-character chunk of the 15-character
 * id, which characters are upper case (bit i set for an upper-case letter at position i).
 */
export function toSalesforceId18(id: string, keyPrefix: string): string | null {
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id) || !id.startsWith(keyPrefix)) return null;
  if (id.length === 18) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let mask = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) mask |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[mask];
  }
  return id + suffix;
}
