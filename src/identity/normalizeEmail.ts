// Pragmatic address shape: something@label.label; full RFC 5322 is not what people type into a console.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Options of {@link normalizeEmail}. */
export interface NormalizeEmailOptions {
  /**
   * Drop a `+tag` from the local part (`jane+shop@x.com` → `jane@x.com`). Default false: many providers treat
   * plus-tags as the same mailbox, but not all, so stripping is a policy choice (`identity.normalize.stripPlusTags`).
   */
  readonly stripPlusTags?: boolean;
}

/**
 * Normalises an email for comparison: trims, lower-cases, optionally strips a plus-tag. Returns `null` for text
 * that is not an address (empty, no `@`, no dot in the domain, inner white space).
 */
export function normalizeEmail(raw: string | null | undefined, options: NormalizeEmailOptions = {}): string | null {
  if (typeof raw !== 'string') return null;
  let value = raw.trim().toLowerCase();
  if (!EMAIL_SHAPE.test(value)) return null;
  if (options.stripPlusTags) {
    const at = value.lastIndexOf('@');
    const plus = value.indexOf('+');
    if (plus > 0 && plus < at) value = value.slice(0, plus) + value.slice(at);
  }
  return value;
}
