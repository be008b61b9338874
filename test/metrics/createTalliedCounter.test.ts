import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createTalliedCounter } from '../../src/metrics/createTalliedCounter.js';

const series = async (registry: Registry): Promise<string[]> => (await registry.metrics()).split('\n').filter((line) => line !== '' && !line.startsWith('#'));

describe('createTalliedCounter', () => {
  it('exports the sum of every increment per label set at each scrape, series first seen with 0 included', async () => {
    const registry = new Registry();
    const calls = createTalliedCounter({ name: 'test_calls_total', help: 'calls', labelNames: ['source', 'code'], registry });
    calls.inc({ source: 'crm', code: 'OK' });
    calls.inc({ source: 'crm', code: 'OK' }, 2);
    calls.inc({ source: 'crm', code: 'TIMEOUT' }, 0);
    calls.inc({ source: 'shop', code: 'OK' }, 0.5);
    expect(await series(registry)).toEqual(['test_calls_total{source="crm",code="OK"} 3', 'test_calls_total{source="crm",code="TIMEOUT"} 0', 'test_calls_total{source="shop",code="OK"} 0.5']);
    // Increments after a scrape land in the next one, added to what was exported.
    calls.inc({ source: 'crm', code: 'TIMEOUT' }, 4);
    expect(await series(registry)).toEqual(['test_calls_total{source="crm",code="OK"} 3', 'test_calls_total{source="crm",code="TIMEOUT"} 4', 'test_calls_total{source="shop",code="OK"} 0.5']);
    expect(await series(registry)).toContain('test_calls_total{source="crm",code="TIMEOUT"} 4');
  });

  it('keeps label sets apart whatever their values hold, and refuses a negative or non-number increment', async () => {
    const registry = new Registry();
    const pairs = createTalliedCounter({ name: 'test_pairs_total', help: 'pairs', labelNames: ['a', 'b'], registry });
    pairs.inc({ a: 'x y', b: 'z' });
    pairs.inc({ a: 'x', b: 'y z' });
    expect(await series(registry)).toEqual(['test_pairs_total{a="x y",b="z"} 1', 'test_pairs_total{a="x",b="y z"} 1']);
    expect(() => pairs.inc({ a: 'x', b: 'z' }, -1)).toThrow(TypeError);
    expect(() => pairs.inc({ a: 'x', b: 'z' }, Number.NaN)).toThrow(TypeError);
  });
});
