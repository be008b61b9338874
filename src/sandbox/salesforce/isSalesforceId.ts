const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/**
 * True when `id` looks like a Salesforce record id: 15 (case-sensitive) or 18 (case-safe) alphanumerics,
 * starting with `keyPrefix` when given. The 18-char checksum suffix is not verified.
 */
export function isSalesforceId(id: string, keyPrefix?: string): boolean {
  return ID.test(id) && (keyPrefix === undefined || id.startsWith(keyPrefix));
}

/** The 15-char form both id lengths share; the fake indexes and compares ids by it. */
export function salesforceIdKey(id: string): string {
  return id.slice(0, 15);
}
