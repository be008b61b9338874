/**
 * What one request touched, filled by the authorisation wrapper and written by the audit plugin. Names only,
 * never values.
 */
export interface AuditTrail {
  /** `Type.field` of every PII field resolved (masked or in full). */
  readonly piiFields: Set<string>;
  /** Ids of the customers whose PII was read. */
  readonly customerIds: Set<string>;
  /** `Type.field` of every field refused with `FORBIDDEN`. */
  readonly denied: Set<string>;
}

/** An empty trail for a new request. */
export function createAuditTrail(): AuditTrail {
  return { piiFields: new Set(), customerIds: new Set(), denied: new Set() };
}
