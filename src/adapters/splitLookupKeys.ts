import type { BatchResult, BlockingKey, LookupKeyKind } from './types.js';

/**
 * Runs a batch `search` whose keys of one lookup kind (issue 14) are served by `lookup` and the rest by
 * `rest`, and puts the answers back in key order. Neither function is called without keys.
 */
export async function splitLookupKeys<T>(
  keys: readonly BlockingKey[],
  kind: LookupKeyKind,
  lookup: (values: readonly string[]) => Promise<BatchResult<T>>,
  rest: (keys: readonly BlockingKey[]) => Promise<BatchResult<T>>,
): Promise<BatchResult<T>> {
  const lookupAt: number[] = [];
  const restAt: number[] = [];
  keys.forEach((key, i) => (key.kind === kind ? lookupAt : restAt).push(i));
  const [looked, others] = await Promise.all([
    lookupAt.length > 0 ? lookup(lookupAt.map((i) => (keys[i] as { value: string }).value)) : Promise.resolve([]),
    restAt.length > 0 ? rest(restAt.map((i) => keys[i]!)) : Promise.resolve([]),
  ]);
  const out = new Array<T | Error>(keys.length);
  lookupAt.forEach((at, j) => (out[at] = looked[j]!));
  restAt.forEach((at, j) => (out[at] = others[j]!));
  return out;
}
