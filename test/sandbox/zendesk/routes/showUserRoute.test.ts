import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../../../src/sandbox/fakeTypes.js';
import { startZendeskSandbox } from '../../../../src/sandbox/zendesk/index.js';
import { FIXTURE, get } from '../zendeskFixture.js';

describe('showUserRoute: GET /api/v2/users/{id}', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startZendeskSandbox(FIXTURE);
  });
  afterAll(() => server.close());

  it('returns {user} for a known id', async () => {
    const answer = await get(server, '/api/v2/users/1003.json');
    expect(answer.status).toBe(200);
    expect(answer.json.user).toMatchObject({ id: 1003, name: 'José Álvarez García', iana_time_zone: 'America/New_York' });
    expect(answer.json.identities).toBeUndefined();
  });

  it('sideloads identities with include=identities', async () => {
    const answer = await get(server, '/api/v2/users/1005.json?include=users,identities');
    expect(answer.json.identities).toEqual([expect.objectContaining({ user_id: 1005, type: 'email', value: 'madonna@example.com' })]);
  });

  it.each(['/api/v2/users/999999.json', '/api/v2/users/abc.json', '/api/v2/users/1001x'])('answers %s with 404 RecordNotFound', async (path) => {
    const answer = await get(server, path);
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: 'RecordNotFound', description: 'Not found' });
  });
});
