import { describe, expect, it } from 'vitest';
import { paginateOffset } from '../../../src/sandbox/zendesk/paginateOffset.js';
import { fakeRequest } from './zendeskFixture.js';

const items = Array.from({ length: 250 }, (_, k) => k + 1);
const limits = { maxRecords: 10_000, overLimit: () => ({ status: 400, body: { error: 'invalid', description: 'over' } }) };

describe('paginateOffset: Zendesk offset pagination', () => {
  it.each<[string, number, number, string | null, string | null]>([
    ['/x', 1, 100, 'http://127.0.0.1:9/x?page=2', null],
    ['/x?page=2', 101, 100, 'http://127.0.0.1:9/x?page=3', 'http://127.0.0.1:9/x?page=1'],
    ['/x?page=3', 201, 50, null, 'http://127.0.0.1:9/x?page=2'],
    ['/x?per_page=1000', 1, 100, 'http://127.0.0.1:9/x?per_page=1000&page=2', null],
    ['/x?query=a%20b&per_page=10&page=25', 241, 10, null, 'http://127.0.0.1:9/x?query=a+b&per_page=10&page=24'],
    ['/x?page=9', 0, 0, null, 'http://127.0.0.1:9/x?page=8'],
  ])('serves %s from item %i, %i items, next %s, previous %s', (path, first, length, next, previous) => {
    const page = paginateOffset(fakeRequest(path), items, limits);
    if (!page.ok) throw new Error('expected a page');
    expect(page.items[0] ?? 0).toBe(first);
    expect(page.items).toHaveLength(length);
    expect(page.next_page).toBe(next);
    expect(page.previous_page).toBe(previous);
    expect(page.count).toBe(250);
  });

  it.each<[string, number, unknown]>([
    ['/x?page[size]=10', 400, { error: { title: 'Invalid attribute', message: expect.stringContaining('page must be an integer') } }],
    ['/x?page=0', 400, { error: { title: 'Invalid attribute', message: expect.any(String) } }],
    ['/x?page=two', 400, { error: { title: 'Invalid attribute', message: expect.any(String) } }],
    ['/x?per_page=-1', 400, { error: 'invalid', description: expect.stringContaining('per_page') }],
    ['/x?page=101', 400, { error: 'invalid', description: 'over' }],
    ['/x?page=334&per_page=30', 400, { error: 'invalid', description: 'over' }],
  ])('refuses %s with %i', (path, status, body) => {
    const page = paginateOffset(fakeRequest(path), items, limits);
    if (page.ok) throw new Error('expected an error answer');
    expect(page.response.status).toBe(status);
    expect(page.response.body).toEqual(body);
  });

  it('serves the last page under the cap', () => {
    const page = paginateOffset(fakeRequest('/x?page=100'), items, limits);
    expect(page.ok).toBe(true);
  });
});
