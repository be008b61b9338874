import { blockingKeys } from './blockingKeys.js';
import type { Matcher } from './createMatcher.js';
import { keyOf } from './keyOf.js';
import type { RecordProfile } from './RecordProfile.js';

/**
 * The pairs worth comparing: records that share a blocking key (see blockingKeys), each pair once, in a
 * stable order. A key held by more than `maxBucket` records pairs nothing.
 */
export function candidatePairs(list: readonly RecordProfile[], matcher: Matcher, maxBucket: number): Map<string, [RecordProfile, RecordProfile]> {
  const buckets = new Map<string, RecordProfile[]>();
  for (const profile of list) {
    for (const key of blockingKeys(profile, matcher)) {
      const text = keyOf(key);
      const bucket = buckets.get(text);
      if (bucket) bucket.push(profile);
      else buckets.set(text, [profile]);
    }
  }
  const pairs = new Map<string, [RecordProfile, RecordProfile]>();
  for (const bucket of buckets.values()) {
    if (bucket.length < 2 || bucket.length > maxBucket) continue;
    for (let i = 0; i < bucket.length; i += 1) {
      for (let j = i + 1; j < bucket.length; j += 1) {
        const a = bucket[i]!;
        const b = bucket[j]!;
        if (a === b) continue;
        const key = pairKey(a.refText, b.refText);
        if (!pairs.has(key)) pairs.set(key, a.refText < b.refText ? [a, b] : [b, a]);
      }
    }
  }
  return pairs;
}

/** An order-free key of a pair of `source/id` texts. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
