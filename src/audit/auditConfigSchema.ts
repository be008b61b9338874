import { z } from 'zod';

/**
 * The `audit:` config section. `sink`: `stdout` (default: one JSON line per event, next to the logs) or
 * `file` (appended to `file`, default `.c360/audit.log`), or `off`.
 */
export const auditConfigSchema = z
  .object({
    sink: z.enum(['stdout', 'file', 'off']).default('stdout'),
    file: z.string().min(1).default('.c360/audit.log'),
  })
  .strict();

export type AuditConfig = z.output<typeof auditConfigSchema>;
