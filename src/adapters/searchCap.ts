import type { CallContext } from './types.js';

/**
 * Records a search needs per key under `ctx.maxSearchResults`: `maxSearchResults + 1` (one more than the
 * identity layer's generic-value cap, so it can tell "too common" from "exactly at the cap"), or `null`
 * when the context sets no cap (or an unusable one: not a non-negative safe integer), meaning every match.
 */
export function searchCap(ctx: CallContext): number | null {
  const max = ctx.maxSearchResults;
  return typeof max === 'number' && Number.isSafeInteger(max) && max >= 0 ? max + 1 : null;
}
