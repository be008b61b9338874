// Pragmatic address shape: something@label.label; full RFC 5322 is not what people type into a console.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * Normalises an email for comparison: trims, lower-cases. Returns `null` for text that is not an address
 * (empty, no `@`, no dot in the domain, inner white space). Plus-tags are kept (configurable in a later
 * identity iteration).
 */
export function normalizeEmail(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim().toLowerCase();
  return EMAIL_SHAPE.test(value) ? value : null;
}
