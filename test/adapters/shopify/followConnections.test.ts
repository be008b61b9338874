import { describe, expect, it } from 'vitest';
import { followConnections, type ConnectionPage, type PendingConnection } from '../../../src/adapters/shopify/followConnections.js';
import { UpstreamError } from '../../../src/adapters/UpstreamError.js';

/** A fake backend: `pages[key]` lists page cursors; page i of a key returns node `${key}${i}`. */
function run(options: {
  pages: Record<string, number>;
  pending: Array<PendingConnection<string>>;
  perCall?: number;
  maxPages?: number;
  cursor?: (key: string, page: number) => string | null;
  failCall?: number;
}) {
  const calls: string[][] = [];
  const nodes: Record<string, string[]> = {};
  const errors: Record<string, Error> = {};
  const truncated: Record<string, number> = {};
  const done = followConnections<string, string>({
    source: 'shop',
    pending: options.pending,
    perCall: options.perCall ?? 10,
    maxPages: options.maxPages ?? 50,
    fetchBatch: async (batch) => {
      calls.push(batch.map((b) => `${b.key}@${b.after}`));
      if (calls.length === options.failCall) throw new UpstreamError({ source: 'shop', kind: 'unavailable', message: 'down' });
      return batch.map((entry): ConnectionPage<string> => {
        const page = entry.after === null ? 0 : Number(entry.after.split(':')[1] ?? 1);
        const total = options.pages[entry.key] ?? 0;
        const hasNextPage = page + 1 < total;
        return { nodes: [`${entry.key}${page}`], pageInfo: { hasNextPage, endCursor: options.cursor ? options.cursor(entry.key, page) : `${entry.key}:${page + 1}` } };
      });
    },
    onNodes: (key, list) => (nodes[key] = [...(nodes[key] ?? []), ...list]),
    onError: (key, error) => (errors[key] = error),
    onTruncated: (key, pages) => (truncated[key] = pages),
  });
  return done.then(() => ({ calls, nodes, errors, truncated }));
}

describe('followConnections: paging many connections', () => {
  it('follows every connection to its end, batching them per call', async () => {
    const result = await run({ pages: { a: 3, b: 2 }, pending: [{ key: 'a', after: null, pagesRead: 0 }, { key: 'b', after: null, pagesRead: 0 }] });
    expect(result.nodes).toEqual({ a: ['a0', 'a1', 'a2'], b: ['b0', 'b1'] });
    expect(result.calls).toEqual([['a@null', 'b@null'], ['a@a:1', 'b@b:1'], ['a@a:2']]);
  });

  it('puts at most perCall connections in one call', async () => {
    const result = await run({ pages: { a: 1, b: 1, c: 1 }, perCall: 2, pending: ['a', 'b', 'c'].map((key) => ({ key, after: null, pagesRead: 0 })) });
    expect(result.calls).toEqual([['a@null', 'b@null'], ['c@null']]);
  });

  it('continues from a cursor with pages already read', async () => {
    const result = await run({ pages: { a: 3 }, pending: [{ key: 'a', after: 'a:1', pagesRead: 1 }] });
    expect(result.nodes).toEqual({ a: ['a1', 'a2'] });
  });

  it('stops at maxPages and reports the cut', async () => {
    const result = await run({ pages: { a: 10 }, maxPages: 3, pending: [{ key: 'a', after: null, pagesRead: 0 }] });
    expect(result.nodes['a']).toEqual(['a0', 'a1', 'a2']);
    expect(result.truncated).toEqual({ a: 3 });
    expect(result.calls).toHaveLength(3);
  });

  it('ends a connection whose cursor repeats with a bad_response error', async () => {
    const result = await run({ pages: { a: 10, b: 2 }, cursor: (key, page) => (key === 'a' ? 'same' : `${key}:${page + 1}`), pending: [{ key: 'a', after: null, pagesRead: 0 }, { key: 'b', after: null, pagesRead: 0 }] });
    expect(result.errors['a']).toMatchObject({ kind: 'bad_response', message: expect.stringContaining('same page cursor twice') });
    expect(result.calls).toEqual([['a@null', 'b@null'], ['a@same', 'b@b:1']]);
    expect(result.nodes['b']).toEqual(['b0', 'b1']);
  });

  it('ends a connection with a next page but no cursor', async () => {
    const result = await run({ pages: { a: 2 }, cursor: () => null, pending: [{ key: 'a', after: null, pagesRead: 0 }] });
    expect(result.errors['a']).toMatchObject({ kind: 'bad_response' });
    expect(result.calls).toHaveLength(1);
  });

  it('fails only the connections of a failed call', async () => {
    const result = await run({ pages: { a: 2, b: 2, c: 2 }, perCall: 2, failCall: 1, pending: ['a', 'b', 'c'].map((key) => ({ key, after: null, pagesRead: 0 })) });
    expect(Object.keys(result.errors)).toEqual(['a', 'b']);
    expect(result.nodes['c']).toEqual(['c0', 'c1']);
  });
});
