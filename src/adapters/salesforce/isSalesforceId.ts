const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Key prefix of Contact ids. */
export const CONTACT_KEY_PREFIX = '003';

/**
 * True when `id` is a Salesforce record id (15 case-sensitive or 18 case-safe alphanumerics) starting
 * with `keyPrefix` (`003` Contact, `001` Account, `500` Case, `00T` Task). The checksum is not verified.
 */
export function isSalesforceId(id: unknown, keyPrefix: string): id is string {
  return typeof id === 'string' && ID.test(id) && id.startsWith(keyPrefix);
}

/** The 15-char form both id lengths share: how the adapter matches a returned 18-char id to a given 15-char one. */
export function salesforceIdKey(id: string): string {
  return id.slice(0, 15);
}
