import { describe, expect, it } from 'vitest';
import { addHeavyOrders } from '../../bench/addHeavyOrders.js';
import { stripVolatile } from '../../bench/correctnessGate.js';
import { percentiles } from '../../bench/percentiles.js';
import type { SourceAdapter } from '../../src/adapters/types.js';
import { parseConfig } from '../../src/config.js';
import { createLoaders } from '../../src/loaders/createLoaders.js';
import { generateDataset } from '../../src/sandbox/dataset/index.js';

describe('bench: percentiles', () => {
  it.each([
    { values: [5], p50: 5, p99: 5, max: 5 },
    { values: [4, 1, 3, 2], p50: 2, p99: 4, max: 4 },
    { values: Array.from({ length: 100 }, (_, i) => i + 1), p50: 50, p99: 99, max: 100 },
  ])('gives nearest-rank percentiles of $values.length values', ({ values, p50, p99, max }) => {
    const s = percentiles(values);
    expect([s.p50, s.p99, s.max, s.count]).toEqual([p50, p99, max, values.length]);
  });

  it('gives NaN for an empty sample', () => {
    expect(Number.isNaN(percentiles([]).p50)).toBe(true);
  });
});

describe('bench: stripVolatile', () => {
  it('drops clock-dependent keys at any depth and keeps the rest', () => {
    const input = { data: { customer: { id: 'c', metrics: { orderCount: 2, daysSinceLastInteraction: 3 }, profile: [{ provenance: { source: 's', fetchedAt: 't', ageMs: 1 } }] } }, extensions: { sources: [] } };
    expect(stripVolatile(input)).toEqual({ data: { customer: { id: 'c', metrics: { orderCount: 2 }, profile: [{ provenance: { source: 's' } }] } } });
  });
});

describe('bench: addHeavyOrders', () => {
  it('gives one Shopify customer exactly the asked number of orders and leaves the others alone', () => {
    const dataset = generateDataset({ size: 50, seed: 3 });
    const { dataset: heavy, shopifyCustomerId } = addHeavyOrders(dataset, 300);
    const owned = heavy.shopify.orders.filter((o) => String(o.customerId) === shopifyCustomerId);
    expect(owned).toHaveLength(300);
    expect(new Set(heavy.shopify.orders.map((o) => o.id)).size).toBe(heavy.shopify.orders.length);
    expect(heavy.shopify.orders.filter((o) => String(o.customerId) !== shopifyCustomerId)).toEqual(dataset.shopify.orders.filter((o) => String(o.customerId) !== shopifyCustomerId));
  });
});

describe('config: performance.batching', () => {
  const source = { name: 'salesforce', kind: 'salesforce', baseUrl: 'http://127.0.0.1:1' };
  const env = { SALESFORCE_ACCESS_TOKEN: 'x' };
  it.each([
    { raw: {}, env: {}, batching: true },
    { raw: { performance: { batching: false } }, env: {}, batching: false },
    { raw: {}, env: { C360_BATCHING: 'false' }, batching: false },
  ])('reads $raw with env $env as batching $batching', ({ raw, env: extra, batching }) => {
    expect(parseConfig({ ...raw, sources: [source] }, { ...env, ...extra }).performance?.batching).toBe(batching);
  });

  it('rejects a non-boolean with the key named', () => {
    expect(() => parseConfig({ performance: { batching: 'no' }, sources: [source] }, env)).toThrow(/performance\.batching/);
  });
});

describe('createLoaders: batching switch', () => {
  function countingAdapter(calls: string[][]): SourceAdapter {
    return {
      name: 'fake',
      kind: 'salesforce',
      capabilities: { search: false, orders: false, tickets: false, activities: false },
      search: async (keys: readonly unknown[]) => keys.map(() => []),
      getByIds: async (ids: readonly string[]) => {
        calls.push([...ids]);
        return ids.map(() => null);
      },
    } as unknown as SourceAdapter;
  }

  it.each([
    { batch: true, expected: [['a', 'b', 'c']] },
    { batch: false, expected: [['a'], ['b'], ['c']] },
  ])('with batch $batch makes $expected.length upstream call(s) for three ids', async ({ batch, expected }) => {
    const calls: string[][] = [];
    const loaders = createLoaders([countingAdapter(calls)], {}, { batch });
    await Promise.all(['a', 'b', 'c'].map((id) => loaders.source('fake')!.records.load(id)));
    expect(calls).toEqual(expected);
  });
});
