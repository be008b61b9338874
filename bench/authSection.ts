import { createHash } from 'node:crypto';
import { parseConfig } from '../src/config.js';
import { BENCH_API_KEY } from './postGraphql.js';

/** True when this build's config parser accepts `section` (a top-level key) as given. */
function accepts(section: Record<string, unknown>): boolean {
  try {
    parseConfig({ ...section, sources: [{ name: 'salesforce', kind: 'salesforce', baseUrl: 'http://127.0.0.1:1' }] }, { SALESFORCE_ACCESS_TOKEN: 'x' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Config sections the bench's gateways need when this build has them (decided by asking the real config
 * parser, so the bench runs before and after auth and query limits exist):
 * - `auth`: one admin API key, {@link BENCH_API_KEY} (only its sha256 is written);
 * - `limits.maxCost` 200 000: the 200-customer list query costs ~30 000 by the static estimate (ids given as a
 *   variable count 100 per `customers` field), above the default 20 000.
 */
export function authSection(): Record<string, unknown> {
  const auth = { auth: { apiKeys: [{ name: 'bench', sha256: createHash('sha256').update(BENCH_API_KEY).digest('hex'), role: 'admin' }] } };
  const limits = { limits: { maxCost: 200_000 } };
  return { ...(accepts(auth) ? auth : {}), ...(accepts(limits) ? limits : {}) };
}
