import { z } from 'zod';
import type { FaultRule } from './fakeTypes.js';

const faultSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('preset'), preset: z.enum(['throttle', 'serverError', 'unavailable']), retryAfterSeconds: z.number().nonnegative().optional() }),
  z.object({ kind: z.literal('status'), status: z.number().int().min(100).max(599), body: z.unknown().optional(), headers: z.record(z.string(), z.string()).optional() }),
  z.object({ kind: z.literal('html'), status: z.number().int().min(100).max(599).optional() }),
  z.object({ kind: z.literal('malformedJson') }),
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('hang') }),
  z.object({ kind: z.literal('trickle'), bytesPerSecond: z.number().int().positive().optional() }),
  z.object({ kind: z.literal('reset') }),
]);

const faultRule = z
  .object({
    match: z
      .object({
        method: z.string().optional(),
        path: z
          .string()
          .optional()
          .refine((p) => p === undefined || isRegExp(p), { message: 'must be a valid regular expression' }),
        route: z.string().optional(),
        query: z
          .string()
          .optional()
          .refine((p) => p === undefined || isRegExp(p), { message: 'must be a valid regular expression' }),
        body: z
          .string()
          .optional()
          .refine((p) => p === undefined || isRegExp(p), { message: 'must be a valid regular expression' }),
      })
      .strict()
      .optional(),
    delayMs: z.number().nonnegative().max(600_000).optional(),
    jitterMs: z.number().nonnegative().max(600_000).optional(),
    fault: faultSpec.optional(),
    times: z.number().int().positive().optional(),
    afterNthMatch: z.number().int().nonnegative().optional(),
    probability: z.number().min(0).max(1).optional(),
  })
  .strict()
  .refine((r) => r.fault !== undefined || (r.delayMs ?? 0) > 0 || (r.jitterMs ?? 0) > 0, { message: 'a rule needs a fault or a delay' });

/** Validates a fault rule (from code or from `POST /__fake/faults`); throws a TypeError naming the bad field. */
export function parseFaultRule(input: unknown): FaultRule {
  const result = faultRule.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'rule';
    throw new TypeError(`invalid fault rule: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data as FaultRule;
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
