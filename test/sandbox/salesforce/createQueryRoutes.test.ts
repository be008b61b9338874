import { describe, expect, it } from 'vitest';
import { effectiveBatchSize } from '../../../src/sandbox/salesforce/createQueryRoutes.js';

describe('createQueryRoutes: page size', () => {
  it.each<[string | undefined, number, number]>([
    [undefined, 2000, 2000],
    ['batchSize=500', 2000, 500],
    ['batchSize=50', 2000, 200],
    ['batchSize=5000', 2000, 2000],
    ['batchSize=500', 2, 2],
    ['foo=1, batchSize=300', 2000, 300],
    ['batchSize=abc', 2000, 2000],
  ])('header %j with configured %d gives %d', (header, configured, expected) => {
    expect(effectiveBatchSize(header, configured)).toBe(expected);
  });
});
