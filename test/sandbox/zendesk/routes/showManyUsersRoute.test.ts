import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../../../src/sandbox/fakeTypes.js';
import { startZendeskSandbox } from '../../../../src/sandbox/zendesk/index.js';
import { FIXTURE, get } from '../zendeskFixture.js';

describe('showManyUsersRoute: GET /api/v2/users/show_many', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startZendeskSandbox(FIXTURE);
  });
  afterAll(() => server.close());
  afterEach(() => server.reset());

  it('returns known ids in ascending id order, omitting unknown and duplicate ids', async () => {
    const answer = await get(server, '/api/v2/users/show_many.json?ids=1006,424242,1001,abc,1006');
    expect(answer.status).toBe(200);
    expect(answer.json.users.map((u: { id: number }) => u.id)).toEqual([1001, 1006]);
    expect(answer.json.count).toBe(2);
  });

  it('looks users up by external_ids', async () => {
    const answer = await get(server, '/api/v2/users/show_many.json?external_ids=crm-1006,missing,crm-1001');
    expect(answer.json.users.map((u: { id: number }) => u.id)).toEqual([1001, 1006]);
  });

  it('sideloads every listed user identity with include=identities', async () => {
    const answer = await get(server, '/api/v2/users/show_many.json?ids=1001,1005&include=identities');
    expect(answer.json.identities.map((i: { user_id: number; type: string }) => `${i.user_id}:${i.type}`)).toEqual([
      '1001:email',
      '1001:phone_number',
      '1005:email',
    ]);
    expect(new Set(answer.json.identities.map((i: { id: number }) => i.id)).size).toBe(3);
  });

  it('accepts 100 ids and refuses 101', async () => {
    const hundred = Array.from({ length: 100 }, (_, k) => 1000 + k).join(',');
    const ok = await get(server, `/api/v2/users/show_many.json?ids=${hundred}`);
    const tooMany = await get(server, `/api/v2/users/show_many.json?ids=${hundred},5000`);
    expect(ok.json.users).toHaveLength(7);
    expect(tooMany.status).toBe(400);
    expect(tooMany.json).toEqual({ error: 'invalid', description: expect.stringContaining('100') });
  });

  it('requires ids or external_ids', async () => {
    const answer = await get(server, '/api/v2/users/show_many.json');
    expect(answer.status).toBe(400);
  });
});
