import { describe, expect, it } from 'vitest';
import { sortNewestFirst } from '../../src/adapters/sortNewestFirst.js';

describe('sortNewestFirst', () => {
  const item = (id: string, createdAt: string) => ({ id, createdAt });

  it('orders by time, newest first, whatever form each time is written in', () => {
    const items = [item('a', '2026-01-01T00:00:00Z'), item('b', '2026-03-01T00:00:00.000+0000'), item('c', '2026-02-01')];
    expect(sortNewestFirst(items).map((i) => i.id)).toEqual(['b', 'c', 'a']);
  });

  it('breaks ties (equal times, or a time that is not a date) with `tie`, and keeps the given order without one', () => {
    const items = [item('1', '2026-01-01T00:00:00Z'), item('3', '2026-01-01T00:00:00.000Z'), item('2', 'not a date')];
    expect(sortNewestFirst(items).map((i) => i.id)).toEqual(['1', '3', '2']);
    expect(sortNewestFirst(items, (a, b) => Number(b.id) - Number(a.id)).map((i) => i.id)).toEqual(['3', '2', '1']);
  });
});
