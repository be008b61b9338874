import { describe, expect, it } from 'vitest';
import { paginateCursor } from '../../../src/sandbox/zendesk/paginateCursor.js';
import { fakeRequest } from './zendeskFixture.js';

const records = [11, 12, 13, 14, 15].map((id) => ({ id }));

function page(path: string) {
  const result = paginateCursor(fakeRequest(path), records);
  if (!result.ok) throw new Error(`expected a page, got ${JSON.stringify(result.response.body)}`);
  return result;
}

describe('paginateCursor: Zendesk cursor pagination', () => {
  it('walks forward to the end following links.next', () => {
    const seen: number[] = [];
    const hasMore: boolean[] = [];
    let next: string | null = '/x?page%5Bsize%5D=2&sort_by=id';
    while (next !== null) {
      const result = page(next);
      seen.push(...result.items.map((r) => r.id));
      hasMore.push(result.meta.has_more);
      next = result.meta.has_more ? result.links.next : null;
    }
    expect(seen).toEqual([11, 12, 13, 14, 15]);
    expect(hasMore).toEqual([true, true, false]);
  });

  it('keeps other parameters and absolute origins in links', () => {
    const result = page('/x?page[size]=2&sort_by=id');
    expect(result.links.next).toMatch(/^http:\/\/127\.0\.0\.1:9\/x\?page%5Bsize%5D=2&sort_by=id&page%5Bafter%5D=/);
    expect(result.links.prev).toMatch(/page%5Bbefore%5D=/);
    expect(result.meta.after_cursor).not.toBe(result.meta.before_cursor);
  });

  it('still offers links.next on the last page, so only has_more ends the walk', () => {
    const first = page('/x?page[size]=5');
    expect(first.meta.has_more).toBe(false);
    expect(first.links.next).not.toBeNull();
    const after = page(first.links.next ?? '');
    expect(after.items).toEqual([]);
    expect(after.meta).toEqual({ has_more: false, after_cursor: null, before_cursor: null });
    expect(after.links).toEqual({ next: null, prev: null });
  });

  it('walks backward with page[before]', () => {
    const last = page(page(page('/x?page[size]=2').links.next ?? '').links.next ?? '');
    expect(last.items.map((r) => r.id)).toEqual([15]);
    const previous = page(last.links.prev ?? '');
    expect(previous.items.map((r) => r.id)).toEqual([13, 14]);
    expect(previous.meta.has_more).toBe(true);
  });

  it.each<[string, string]>([
    ['/x?page[size]=0', 'page[size]'],
    ['/x?page[size]=101', 'page[size]'],
    ['/x?page[size]=abc', 'page[size]'],
    ['/x?page[size]=2&page[after]=bogus', 'page[after]'],
    ['/x?page[size]=2&page[before]=eyJ2Ijo5OX0', 'page[before]'],
    ['/x?page[size]=2&page[after]=a&page[before]=b', 'cannot be combined'],
  ])('refuses %s', (path, mention) => {
    const result = paginateCursor(fakeRequest(path), records);
    if (result.ok) throw new Error('expected an error answer');
    expect(result.response.status).toBe(400);
    expect(result.response.body).toEqual({ error: 'InvalidPaginationParameter', description: expect.stringContaining(mention) });
  });
});
