import type { Purpose, Scope } from './scopes.js';

/** Who is calling, established once per request before execution (DESIGN.md §8). */
export interface Principal {
  /** JWT `sub` or `apikey:<name>`. Goes to the audit log and override records; never a secret. */
  readonly subject: string;
  readonly role: string;
  readonly scopes: ReadonlySet<Scope>;
  /** Purposes this role may declare. */
  readonly purposes: ReadonlySet<Purpose>;
  /** How the principal authenticated. */
  readonly method: 'jwt' | 'apiKey';
}

/** How the principal may see PII: in full, masked, or not at all. */
export function piiAccess(principal: Principal): 'full' | 'masked' | 'none' {
  if (principal.scopes.has('pii:read')) return 'full';
  if (principal.scopes.has('pii:masked')) return 'masked';
  return 'none';
}
