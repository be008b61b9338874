/** Splits `items` into consecutive slices of at most `size` (> 0) items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `value` if it is an Error, else an Error describing it (a batch slot must hold an Error). */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
