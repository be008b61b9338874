/** One audit event: a request that read (or was refused) personal data. Names and ids only, never values. */
export interface AuditEvent {
  readonly type: 'pii_access';
  /** ISO 8601. */
  readonly time: string;
  readonly requestId: string;
  readonly subject: string;
  readonly role: string;
  /** The declared (or the role's default) purpose. */
  readonly purpose: string | null;
  readonly operationName: string | null;
  /** Customers whose PII was read. */
  readonly customerIds: readonly string[];
  /** `Type.field` of the PII fields read. */
  readonly fields: readonly string[];
  /** Fields refused with `FORBIDDEN`. */
  readonly denied: readonly string[];
  /** `ok`, `partial` (some errors), `denied` (PII refused, none read), `error`. */
  readonly outcome: 'ok' | 'partial' | 'denied' | 'error';
  /** `full` or `masked`. */
  readonly piiAccess: string;
}
