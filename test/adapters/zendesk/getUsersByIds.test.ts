import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityRecord } from '../../../src/domain/index.js';
import { isUpstreamError } from '../../../src/adapters/UpstreamError.js';
import { FIXTURE_USERS, manyUsers, zendeskDataset } from '../../sandbox/zendesk/zendeskFixture.js';
import { type AdapterHarness, startAdapterHarness } from './zendeskAdapterHarness.js';

const slot = (value: IdentityRecord | null | Error | undefined): string =>
  value === null ? 'null' : value === undefined ? 'undefined' : value instanceof Error ? `error:${isUpstreamError(value) ? value.kind : '?'}` : value.ref.id;

describe('getUsersByIds: users/show_many', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness({ dataset: zendeskDataset([...FIXTURE_USERS, ...manyUsers(150)]) });
  });
  afterAll(() => h.close());
  afterEach(() => h.server.reset());

  it('keeps input order with null for unknown ids and agents, an error for a bad id, in one call', async () => {
    const result = await h.adapter.getByIds(['1003', 'abc', '424242', '1001', '1004', '1001', '007', ''], {});
    expect(result.map(slot)).toEqual(['1003', 'error:rejected', 'null', '1001', 'null', '1001', 'error:rejected', 'error:rejected']);
    const log = h.server.requests();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ route: 'users.show_many', query: { ids: '1003,424242,1001,1004', include: 'identities' } });
  });

  it('maps records with their sideloaded identities', async () => {
    const [jane] = await h.adapter.getByIds(['1001'], {});
    expect(jane).toEqual({
      ref: { source: 'zd', id: '1001' },
      names: [{ given: 'Jane', family: 'Doe', full: 'Jane Doe' }],
      emails: ['jane.doe@example.com'],
      phones: ['(415) 555-1212'],
      addresses: [],
      birthDate: null,
      identifiers: { externalId: 'crm-1001' },
      createdAt: '2024-01-10T09:00:00Z',
      updatedAt: '2024-05-02T08:30:00Z',
    });
  });

  it('chunks 150 ids into two calls of 100 and 50', async () => {
    const ids = manyUsers(150).map((u) => String(u.id));
    const result = await h.adapter.getByIds(ids, {});
    expect(result.map(slot)).toEqual(ids);
    const log = h.server.requests();
    expect(log).toHaveLength(2);
    expect(log.map((r) => (r.query.ids ?? '').split(',').length).sort((a, b) => a - b)).toEqual([50, 100]);
  });

  it('makes no call when no id is valid', async () => {
    const result = await h.adapter.getByIds(['x', '-1', '1.5'], {});
    expect(result.map(slot)).toEqual(['error:rejected', 'error:rejected', 'error:rejected']);
    expect(h.server.requests()).toHaveLength(0);
  });

  it('fails only the slots of a failed chunk', async () => {
    const solo = await startAdapterHarness({ dataset: zendeskDataset(manyUsers(150)), adapter: { maxConcurrentOwners: 1 } });
    try {
      solo.server.addFault({ match: { route: 'users.show_many' }, fault: { kind: 'preset', preset: 'throttle', retryAfterSeconds: 3 }, times: 1 });
      const ids = manyUsers(150).map((u) => String(u.id));
      const result = await solo.adapter.getByIds(ids, {});
      expect(result.slice(0, 100).every((r) => isUpstreamError(r) && r.kind === 'rate_limited' && r.retryAfterMs === 3_000)).toBe(true);
      expect(result.slice(100).map(slot)).toEqual(ids.slice(100));
      expect(solo.server.requests().map((r) => r.status)).toEqual([429, 200]);
    } finally {
      await solo.close();
    }
  });
});
