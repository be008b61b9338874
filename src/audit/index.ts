export { auditConfigSchema, type AuditConfig } from './auditConfigSchema.js';
export type { AuditEvent } from './AuditEvent.js';
export { createAuditTrail, type AuditTrail } from './AuditTrail.js';
export { createAuditSink, type AuditSink } from './createAuditSink.js';
