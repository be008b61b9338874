import { describe, expect, it } from 'vitest';
import { createQueryLocatorStore } from '../../../src/sandbox/salesforce/createQueryLocatorStore.js';

describe('createQueryLocatorStore: bounds', () => {
  it('issues 18-char locators and forgets the oldest past its bound', () => {
    const store = createQueryLocatorStore(2);
    const first = store.open({ records: [], batchSize: 1 });
    const second = store.open({ records: [], batchSize: 2 });
    expect(first).toMatch(/^01g[0-9A-Z]{15}$/);
    expect(second).not.toBe(first);
    store.open({ records: [], batchSize: 3 });
    expect(store.get(first)).toBeUndefined();
    expect(store.get(second)?.batchSize).toBe(2);
  });
});
