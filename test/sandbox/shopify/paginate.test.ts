import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../src/sandbox/shopify/cursor.js';
import { paginate, type ConnectionArgs } from '../../../src/sandbox/shopify/paginate.js';

const items = [10, 20, 30, 40, 50].map((id) => ({ id }));
const page = (args: ConnectionArgs) => paginate(items, args, (i) => i.id, (i) => i.id);
const cursorOf = (id: number) => encodeCursor({ last_id: id, offset: items.findIndex((i) => i.id === id) });

describe('paginate: Relay slicing', () => {
  const cases: Array<[string, ConnectionArgs, number[], boolean, boolean]> = [
    ['first', { first: 2 }, [10, 20], true, false],
    ['first after', { first: 2, after: cursorOf(20) }, [30, 40], true, true],
    ['first after, last page', { first: 5, after: cursorOf(30) }, [40, 50], false, true],
    ['last', { last: 2 }, [40, 50], false, true],
    ['last before', { last: 2, before: cursorOf(40) }, [20, 30], true, true],
    ['first 0', { first: 0 }, [], true, false],
  ];

  it.each(cases)('slices by %s', (_name, args, ids, hasNext, hasPrevious) => {
    const result = page(args);
    expect(result.nodes).toEqual(ids);
    expect(result.edges.map((e) => e.node)).toEqual(ids);
    expect(result.pageInfo).toMatchObject({ hasNextPage: hasNext, hasPreviousPage: hasPrevious });
    expect(result.pageInfo.endCursor).toBe(result.edges.at(-1)?.cursor ?? null);
  });

  it('writes cursors as base64 JSON of the id and offset', () => {
    const cursor = page({ first: 2 }).pageInfo.endCursor as string;
    expect(JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'))).toEqual({ last_id: 20, offset: 1 });
    expect(decodeCursor(cursor)).toEqual({ last_id: 20, offset: 1 });
  });

  it('finds a record that moved since its cursor was issued', () => {
    expect(page({ first: 1, after: encodeCursor({ last_id: 30, offset: 0 }) }).nodes).toEqual([40]);
  });

  it.each([['not base64 json'], [encodeCursor({ last_id: 999, offset: 1 })]])('rejects the cursor %j', (cursor) => {
    expect(() => page({ first: 1, after: cursor })).toThrow(/Invalid cursor/);
  });
});
