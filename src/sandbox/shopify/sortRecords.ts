/**
 * Sorts records by `key` ascending (ties by `id`), or descending when `reverse`, like Shopify's
 * `sortKey` + `reverse` arguments. Returns a new array.
 */
export function sortRecords<T extends { readonly id: number }>(items: readonly T[], key: (item: T) => string | number, reverse: boolean): T[] {
  const sorted = [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const byKey = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb));
    return byKey !== 0 ? byKey : a.id - b.id;
  });
  return reverse ? sorted.reverse() : sorted;
}
