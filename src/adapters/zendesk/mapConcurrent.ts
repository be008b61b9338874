/**
 * Maps `items` with `fn`, at most `limit` calls in flight, results in input order. `fn` should not
 * reject (callers turn failures into values); if it does, the returned promise rejects.
 */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  // One item (a request alone asks one requester's tickets): no workers to share out.
  if (items.length === 1) return [await fn(items[0] as T, 0)];
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
