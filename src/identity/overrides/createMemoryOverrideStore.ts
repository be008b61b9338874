import type { OverrideChange, OverrideStore } from './OverrideStore.js';

/** An {@link OverrideStore} in memory (tests, embedding): lost when the process ends. */
export function createMemoryOverrideStore(initial: readonly OverrideChange[] = []): OverrideStore & { readonly changes: readonly OverrideChange[] } {
  const changes = [...initial];
  return {
    description: 'memory',
    changes,
    load: async () => [...changes],
    append: async (change) => {
      changes.push(change);
    },
  };
}
