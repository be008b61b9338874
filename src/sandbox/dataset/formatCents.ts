/** US cents as a 2-decimal string: 123456 → `1234.56`. Expects a non-negative integer. */
export function formatCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
