/**
 * Masks one PII string for roles with `pii:masked` (the only place masking happens). Emails keep the first
 * character of the local part and the domain (`j***@example.com`); phones keep the last four digits
 * (`***8807`); anything else (names, addresses, dates) keeps its first character (`J***`). Empty stays empty.
 */
export function mask(value: string): string {
  if (value === '') return value;
  const at = value.lastIndexOf('@');
  if (at > 0 && at < value.length - 1) return `${value[0]}***${value.slice(at)}`;
  const digits = value.replace(/\D/g, '');
  // Dates (`YYYY-MM-DD`) look like digit runs but are not phones: keep only the first character.
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) && /^\+?[\d\s().-]{7,}$/.test(value) && digits.length >= 7) return `***${digits.slice(-4)}`;
  return `${[...value][0]}***`;
}
