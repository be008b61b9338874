import type { IdentityRecord } from '../../domain/index.js';
import type { BlockingKey } from '../types.js';
import { chunk, toError } from './chunk.js';

/** One distinct search term and the key positions that asked for it. */
export interface Slot<T> {
  readonly term: T;
  readonly indexes: number[];
}

/**
 * Groups the keys one search method serves by distinct term: `pick` returns the term and its identity (for
 * de-duplication), or null for a key the method does not serve.
 */
export function slotKeys<T>(keys: readonly BlockingKey[], pick: (key: BlockingKey) => { readonly id: string; readonly term: T } | null): Array<Slot<T>> {
  const slots = new Map<string, Slot<T>>();
  keys.forEach((key, index) => {
    const picked = pick(key);
    if (!picked) return;
    const slot = slots.get(picked.id) ?? { term: picked.term, indexes: [] };
    slot.indexes.push(index);
    slots.set(picked.id, slot);
  });
  return [...slots.values()];
}

/**
 * Runs `search` once per chunk of `size` slots, in parallel; `search` returns, for each term, the records that
 * match it. A failed search puts its error in the slots of its chunk only. Never rejects.
 */
export async function searchInChunks<T>(
  slots: ReadonlyArray<Slot<T>>,
  size: number,
  search: (terms: readonly T[]) => Promise<(term: T) => IdentityRecord[]>,
  results: Array<IdentityRecord[] | Error>,
): Promise<void> {
  await Promise.all(
    chunk(slots, size).map(async (part) => {
      try {
        const matchesOf = await search(part.map((slot) => slot.term));
        for (const slot of part) {
          const matches = matchesOf(slot.term);
          for (const index of slot.indexes) results[index] = matches;
        }
      } catch (error) {
        for (const slot of part) for (const index of slot.indexes) results[index] = toError(error);
      }
    }),
  );
}
