import { inspect } from 'node:util';

/** Salesforce's case-safe suffix alphabet: index = the 5-bit "which chars are upper case" mask of a chunk. */
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID15 = /^[0-9A-Za-z]{15}$/;
const PREFIX = /^[0-9A-Za-z]{3}$/;
/** Stands in for the pod and reserved characters of a real org's ids. */
const ORG_PART = '5e000';
const COUNTER_WIDTH = 7;
/** Offsets the counter so generated ids carry mixed-case characters, as real ones do, from the first record. */
const COUNTER_OFFSET = 3_000_000_000;

/**
 * Appends Salesforce's 3-character case-safe checksum to a 15-character case-sensitive id: for each 5-char
 * chunk, bit i is set when char i is an upper-case A–Z, and the 5-bit value indexes
 * `ABCDEFGHIJKLMNOPQRSTUVWXYZ012345`. Throws a TypeError unless `id15` is exactly 15 ASCII alphanumerics.
 */
export function salesforceId18(id15: string): string {
  if (!ID15.test(id15)) {
    throw new TypeError(`salesforceId18: id15 must be 15 ASCII letters or digits, got ${inspect(id15)}`);
  }
  let suffix = '';
  for (let chunk = 0; chunk < 15; chunk += 5) {
    let mask = 0;
    for (let i = 0; i < 5; i++) {
      const code = id15.charCodeAt(chunk + i);
      if (code >= 65 && code <= 90) mask |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[mask];
  }
  return id15 + suffix;
}

/**
 * The 18-character id of the `n`th (n ≥ 0) synthetic record with key prefix `prefix` (`001` Account,
 * `003` Contact, `500` Case, `00T` Task): prefix + `5e000` + a 7-digit base-62 counter + checksum. Distinct
 * `n` give distinct ids; the same (prefix, n) always gives the same id. Throws a TypeError on a bad prefix
 * or a counter that is not a non-negative safe integer.
 */
export function salesforceId(prefix: string, n: number): string {
  if (!PREFIX.test(prefix)) {
    throw new TypeError(`salesforceId: prefix must be 3 ASCII letters or digits, got ${inspect(prefix)}`);
  }
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new TypeError(`salesforceId: n must be a non-negative integer, got ${inspect(n)}`);
  }
  let value = n + COUNTER_OFFSET;
  let counter = '';
  for (let i = 0; i < COUNTER_WIDTH; i++) {
    counter = BASE62[value % 62] + counter;
    value = Math.floor(value / 62);
  }
  return salesforceId18(prefix + ORG_PART + counter);
}
