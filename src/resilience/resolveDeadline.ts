/** The header a client may send to shorten (never lengthen) its request's deadline, in ms. */
export const DEADLINE_HEADER = 'x-c360-deadline-ms';

/** The deadline to use, or why the header is refused. */
export type DeadlineOutcome = { readonly ok: true; readonly deadlineMs: number } | { readonly ok: false; readonly reason: string };

/**
 * The request's deadline in ms: `configuredMs`, or the `x-c360-deadline-ms` header when it is a positive
 * integer below it (a larger value is capped at `configuredMs`, not refused). Anything else that is not
 * absent (text, 0, negative, fractions, several values) is refused so a client learns its header is wrong.
 */
export function resolveDeadline(header: string | string[] | undefined, configuredMs: number): DeadlineOutcome {
  if (header === undefined) return { ok: true, deadlineMs: configuredMs };
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!/^\s*\d{1,9}\s*$/.test(text) || Number(text) <= 0) {
    return { ok: false, reason: `${DEADLINE_HEADER} must be a positive whole number of milliseconds (got ${JSON.stringify(text.slice(0, 32))})` };
  }
  return { ok: true, deadlineMs: Math.min(configuredMs, Number(text)) };
}
