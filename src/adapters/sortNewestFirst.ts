/**
 * `items` newest first by `createdAt`, then by `tie` (equal times, or times that are not dates). Each time is
 * parsed once, not at every comparison (issue 17: a sort of n items compares ~n·log n times).
 */
export function sortNewestFirst<T extends { readonly createdAt: string }>(items: Iterable<T>, tie?: (a: T, b: T) => number): T[] {
  const keyed = Array.from(items, (item) => ({ item, at: Date.parse(item.createdAt) }));
  // A time that is not a date makes the difference NaN, which sorts as a tie.
  keyed.sort((a, b) => b.at - a.at || (tie === undefined ? 0 : tie(a.item, b.item)));
  return keyed.map((k) => k.item);
}
