import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityRecord } from '../../../src/domain/index.js';
import { isUpstreamError } from '../../../src/adapters/UpstreamError.js';
import { FIXTURE_USERS, manyUsers, zendeskDataset } from '../../sandbox/zendesk/zendeskFixture.js';
import { type AdapterHarness, startAdapterHarness } from './zendeskAdapterHarness.js';

const refIds = (result: IdentityRecord[] | Error | undefined): string[] => {
  if (!Array.isArray(result)) throw new Error(`expected records, got ${String(result)}`);
  return result.map((r) => r.ref.id);
};

describe('searchUsers: search over users/search', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness({ dataset: zendeskDataset(FIXTURE_USERS) });
  });
  afterAll(() => h.close());
  afterEach(() => h.server.reset());

  it('finds a user by email regardless of the stored case, in one call', async () => {
    const [result] = await h.adapter.search([{ kind: 'email', value: 'john.smith@example.com' }], {});
    expect(refIds(result)).toEqual(['1002']);
    expect(result).toEqual([expect.objectContaining({ ref: { source: 'zd', id: '1002' }, emails: ['JOHN.SMITH@Example.com'] })]);
    const log = h.server.requests();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ route: 'users.search', query: { query: 'email:"john.smith@example.com"', per_page: '100', include: 'identities' } });
  });

  it('finds a user by an E.164 phone stored in another format and leaves out the agent sharing it', async () => {
    const [result] = await h.adapter.search([{ kind: 'phone', value: '+14155551212' }], {});
    expect(refIds(result)).toEqual(['1001']);
    expect(h.server.requests().map((r) => r.query.query)).toEqual(['phone:"+14155551212"']);
  });

  it('searches a name as a quoted phrase and keeps end users only', async () => {
    const [both, familyOnly] = await h.adapter.search(
      [
        { kind: 'name', given: 'Jane', family: 'Doe' },
        { kind: 'name', given: null, family: 'Austen' },
      ],
      {},
    );
    expect(refIds(both)).toEqual(['1001']);
    expect(refIds(familyOnly)).toEqual(['1006']);
    expect(h.server.requests().map((r) => r.query.query).sort()).toEqual(['name:"Austen"', 'name:"Jane Doe"']);
  });

  it('looks up an externalId identifier with the exact external_id parameter', async () => {
    const [result] = await h.adapter.search([{ kind: 'identifier', type: 'externalId', value: 'crm-1006' }], {});
    expect(refIds(result)).toEqual(['1006']);
    expect(h.server.requests()[0]?.query).toMatchObject({ external_id: 'crm-1006' });
    expect(h.server.requests()[0]?.query.query).toBeUndefined();
  });

  it('sends a hostile email as one quoted literal: `*@example.org` is not a wildcard over the domain', async () => {
    // The sandbox honours Zendesk's `*` wildcard in a bare word, as Zendesk does (test/sandbox/zendesk/matchUser).
    const [wildcard, quoteBreak, domain] = await h.adapter.search(
      [
        { kind: 'email', value: '*@example.com' },
        { kind: 'email', value: 'x" OR email:"jane.doe@example.com' },
        { kind: 'email', value: '*' },
      ],
      {},
    );
    expect([wildcard, quoteBreak, domain]).toEqual([[], [], []]);
    expect(h.server.requests().map((r) => r.query.query).sort()).toEqual(['email:"*"', 'email:"*@example.com"', 'email:"x\\" OR email:\\"jane.doe@example.com"']);
  });

  it('answers keys Zendesk cannot search with [] and no call', async () => {
    const results = await h.adapter.search([{ kind: 'identifier', type: 'loyaltyNumber', value: 'L-1' }], {});
    expect(results).toEqual([[]]);
    expect(h.server.requests()).toHaveLength(0);
  });

  it('makes one call per distinct key, keeps key order, and shares calls for repeated keys', async () => {
    const results = await h.adapter.search(
      [
        { kind: 'email', value: 'madonna@example.com' },
        { kind: 'email', value: 'nobody@example.com' },
        { kind: 'phone', value: '+14155550199' },
        { kind: 'email', value: 'madonna@example.com' },
      ],
      {},
    );
    expect(results.map(refIds)).toEqual([['1005'], [], ['1003'], ['1005']]);
    expect(h.server.requests()).toHaveLength(3);
  });

  it('puts a failed key’s error in its slot only', async () => {
    const solo = await startAdapterHarness({ adapter: { maxConcurrentOwners: 1 } });
    try {
      solo.server.addFault({ match: { route: 'users.search' }, fault: { kind: 'preset', preset: 'serverError' }, times: 1 });
      const [failed, fine] = await solo.adapter.search(
        [
          { kind: 'email', value: 'jane.doe@example.com' },
          { kind: 'email', value: 'madonna@example.com' },
        ],
        {},
      );
      expect(isUpstreamError(failed) && [failed.kind, failed.status, failed.vendorCode]).toEqual(['unavailable', 500, 'InternalServerError']);
      expect(refIds(fine)).toEqual(['1005']);
    } finally {
      await solo.close();
    }
  });
});

describe('searchUsers: paging', () => {
  it('follows next_page to the end', async () => {
    const h = await startAdapterHarness({ dataset: zendeskDataset(manyUsers(250)) });
    try {
      const [result] = await h.adapter.search([{ kind: 'name', given: 'Pat', family: 'Lee' }], {});
      expect(refIds(result)).toHaveLength(250);
      expect(new Set(refIds(result)).size).toBe(250);
      const log = h.server.requests();
      expect(log.map((r) => r.query.page)).toEqual([undefined, '2', '3']);
      expect(log.every((r) => r.route === 'users.search' && r.query.query === 'name:"Pat Lee"')).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('stops at maxPages and logs the cut without customer data', async () => {
    const h = await startAdapterHarness({ dataset: zendeskDataset(manyUsers(250)), adapter: { maxPages: 2 } });
    try {
      const [result] = await h.adapter.search([{ kind: 'name', given: 'Pat', family: 'Lee' }], {});
      expect(refIds(result)).toHaveLength(200);
      expect(h.server.requests()).toHaveLength(2);
      expect(h.logs).toEqual([expect.objectContaining({ level: 40, source: 'zd', keyKind: 'name', maxPages: 2 })]);
      expect(JSON.stringify(h.logs)).not.toMatch(/Pat|Lee/);
    } finally {
      await h.close();
    }
  });

  it('stops with bad_response when next_page repeats', async () => {
    const h = await startAdapterHarness();
    try {
      const loop = `${h.server.origin}/api/v2/users/search.json?query=name%3Ajane&page=2`;
      h.server.addFault({ match: { route: 'users.search' }, fault: { kind: 'status', status: 200, body: { users: [], next_page: loop, previous_page: null, count: 9 } } });
      const [result] = await h.adapter.search([{ kind: 'email', value: 'jane.doe@example.com' }], {});
      expect(isUpstreamError(result) && result.kind).toBe('bad_response');
      expect(h.server.requests()).toHaveLength(2);
    } finally {
      await h.close();
    }
  });
});
