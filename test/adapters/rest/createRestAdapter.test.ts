import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityRecord } from '../../../src/domain/index.js';
import { generateDataset } from '../../../src/sandbox/dataset/index.js';
import { hubspotSourceConfig, startHubSpotSandbox, type HubSpotSandbox } from '../../../src/sandbox/hubspot/index.js';
import { startFakeServer } from '../../../src/sandbox/startFakeServer.js';
import type { FakeServer } from '../../../src/sandbox/fakeTypes.js';
import { genericApiProfile, restAdapter } from './restAdapterHarness.js';

const dataset = generateDataset({ size: 80, seed: 9 });
const ids = (slot: unknown) => (Array.isArray(slot) ? (slot as IdentityRecord[]).map((r) => r.ref.id) : slot);

describe('createRestAdapter: the HubSpot config over the HubSpot fake', () => {
  let hubspot: HubSpotSandbox;
  let adapter: ReturnType<typeof restAdapter>;
  beforeAll(async () => {
    hubspot = await startHubSpotSandbox(dataset);
    adapter = restAdapter(hubspotSourceConfig(hubspot.origin), { token: 'pat-sandbox-hubspot' });
  });
  afterAll(async () => {
    await adapter.close();
    await hubspot.close();
  });
  const contactOf = (i: number) => {
    const entry = hubspot.portal.truth[i]!;
    return { id: entry.id, person: dataset.people.find((p) => p.personId === entry.personId)! };
  };

  it('reads a batch of ids with one batch/read call, null for an id HubSpot answers in the 207 errors', async () => {
    hubspot.clearRequests();
    const [a, b] = [contactOf(0), contactOf(1)];
    const records = await adapter.getByIds([b.id, '999999999', a.id], {});
    expect(records.map((r) => (r && !(r instanceof Error) ? r.ref.id : r))).toEqual([b.id, null, a.id]);
    const first = records[2] as IdentityRecord;
    expect(first.names[0]).toMatchObject({ given: a.person.givenName, family: a.person.familyName });
    expect(first.birthDate).toBe(a.person.birthDate);
    expect(first.identifiers).toEqual({ hubspotId: a.id });
    const log = hubspot.requests();
    expect(log.map((r) => `${r.route} ${r.status}`)).toEqual(['contacts.batchRead 207']);
    expect(JSON.parse(log[0]!.body).inputs).toEqual([{ id: b.id }, { id: '999999999' }, { id: a.id }]);
  });

  it('searches email, phone (E.164 against the digits-only property) and name; a kind without an endpoint gives [] with no call', async () => {
    const withEmail = hubspot.portal.truth.map((_, i) => contactOf(i)).find((c) => hubspot.portal.contacts.find((x) => x.id === c.id)!.properties.email)!;
    hubspot.clearRequests();
    const found = await adapter.search(
      [
        { kind: 'email', value: withEmail.person.email! },
        { kind: 'phone', value: withEmail.person.phone },
        { kind: 'name', family: withEmail.person.familyName.toLowerCase(), given: withEmail.person.givenName.toLowerCase() },
        { kind: 'identifier', type: 'loyaltyNumber', value: 'LOY-1' },
        { kind: 'email', value: 'nobody@example.invalid' },
      ],
      {},
    );
    expect(ids(found[0])).toEqual([withEmail.id]);
    expect(ids(found[1])).toEqual([withEmail.id]);
    expect(ids(found[2])).toContain(withEmail.id);
    expect(found[3]).toEqual([]);
    expect(found[4]).toEqual([]);
    expect(hubspot.requests().map((r) => r.route)).toEqual(Array(4).fill('contacts.search'));
  });

  it('follows paging.next.after as the cursor until the last page', async () => {
    const config = hubspotSourceConfig(hubspot.origin);
    const search = config.search as Record<string, Record<string, unknown>>;
    const paged = restAdapter({ ...config, search: { name: { ...search.name, body: String(search.name!.body).replace('"limit": 100', '"limit": 1') } } }, { token: 'pat-sandbox-hubspot' });
    const families = new Map<string, number>();
    for (const c of hubspot.portal.contacts) families.set(c.properties.lastname!, (families.get(c.properties.lastname!) ?? 0) + 1);
    const [family, count] = [...families].sort((x, y) => y[1] - x[1])[0]!;
    expect(count).toBeGreaterThanOrEqual(2);
    hubspot.clearRequests();
    const [found] = await paged.search([{ kind: 'name', family: family.toLowerCase(), given: null }], {});
    expect((found as IdentityRecord[]).length).toBe(Math.min(count, 3));
    expect(hubspot.requests().map((r) => JSON.parse(r.body).after ?? null)).toEqual(['1', '2'].slice(0, Math.min(count, 3) - 1).reduce<Array<string | null>>((acc, a) => [...acc, a], [null]));
    await paged.close();
  });

  it('fails with SOURCE_AUTH_FAILED for a token HubSpot refuses', async () => {
    const wrong = restAdapter(hubspotSourceConfig(hubspot.origin), { token: 'pat-wrong' });
    await expect(wrong.getByIds([contactOf(0).id], {})).rejects.toMatchObject({ code: 'SOURCE_AUTH_FAILED', status: 401 });
    await wrong.close();
  });

  it('maps a 429 to SOURCE_RATE_LIMITED with Retry-After as the wait, and waits out X-HubSpot-RateLimit-Remaining 0 without calling', async () => {
    hubspot.clearRequests();
    hubspot.addFault({ match: { route: 'contacts.batchRead' }, fault: { kind: 'preset', preset: 'throttle', retryAfterSeconds: 2 }, times: 1 });
    await expect(adapter.getByIds([contactOf(0).id], {})).rejects.toMatchObject({ code: 'SOURCE_RATE_LIMITED', retryAfterMs: 2000 });
    // The 429 paused the source: the next call fails at once, naming the time left, and reaches no server.
    await expect(adapter.getByIds([contactOf(0).id], {})).rejects.toMatchObject({ code: 'SOURCE_RATE_LIMITED', retryAfterMs: expect.any(Number) });
    expect(hubspot.requests()).toHaveLength(1);
    hubspot.clearFaults();
    const budget = restAdapter(hubspotSourceConfig(hubspot.origin), { token: 'pat-sandbox-hubspot' });
    hubspot.addFault({ match: { route: 'contacts.batchRead' }, fault: { kind: 'status', status: 200, body: { status: 'COMPLETE', results: [] }, headers: { 'x-hubspot-ratelimit-remaining': '0', 'x-hubspot-ratelimit-interval-milliseconds': '10000' } }, times: 1 });
    expect(await budget.getByIds(['1'], {})).toEqual([null]);
    const paused = await budget.getByIds(['1'], {}).catch((error: unknown) => error);
    expect(paused).toMatchObject({ code: 'SOURCE_RATE_LIMITED' });
    expect((paused as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(9_000);
    expect(hubspot.requests()).toHaveLength(2);
    await budget.close();
  });

  it('fails only the key whose item the mapping cannot read, with SOURCE_BAD_RESPONSE', async () => {
    const config = { ...hubspotSourceConfig(hubspot.origin), identity: '{ "id": id, "createdAt": "not a date" }' };
    const broken = restAdapter(config, { token: 'pat-sandbox-hubspot' });
    const c = contactOf(0);
    const found = await broken.search([{ kind: 'phone', value: c.person.phone }, { kind: 'email', value: 'nobody@example.invalid' }], {});
    expect(found[0]).toMatchObject({ code: 'SOURCE_BAD_RESPONSE', message: expect.stringMatching(/createdAt: is not a date/) });
    expect(found[1]).toEqual([]);
    await broken.close();
  });
});

describe('createRestAdapter: batching, pagination styles and OAuth2 client credentials over a generic JSON API', () => {
  const state = { tokenTtlSeconds: 3600, issued: 0, revoked: new Set<string>() };
  let api: FakeServer;
  beforeAll(async () => {
    api = await startFakeServer(genericApiProfile(state));
  });
  afterAll(async () => {
    await api.close();
  });
  const base = () => ({
    name: 'crm',
    kind: 'rest',
    baseUrl: api.origin,
    auth: { type: 'oauth2ClientCredentials', tokenUrl: `${api.origin}/oauth/token`, clientIdEnv: 'CRM_ID', clientSecretEnv: 'CRM_SECRET' },
    identity: '{ "id": id, "givenName": first, "familyName": last, "emails": email }',
    getByIds: { path: '/v1/customers', batch: { style: 'all', max: 2 }, query: { ids: '$join($ids, ",")' }, items: 'data' },
  });
  const secrets = { clientId: 'app', clientSecret: 's3cret' };

  it.each([
    ['comma-separated ids', { ids: '$join($ids, ",")' }, ['ids=c1%2Cc2', 'ids=c9']],
    // The request log keeps one value per name; the records found show the server read both ids.
    ['repeated parameters', { id: '$ids' }, ['id=c2', 'id=c9']],
  ])('batches getByIds as %s, max ids per call', async (_label, query, expected) => {
    api.clearRequests();
    const adapter = restAdapter({ ...base(), getByIds: { ...base().getByIds, query } }, secrets, api.origin);
    const records = await adapter.getByIds(['c1', 'c2', 'c9', 'c1'], {});
    expect(records.map((r) => (r && !(r instanceof Error) ? r.ref.id : r))).toEqual(['c1', 'c2', null, 'c1']);
    const calls = api.requests().filter((r) => r.route === 'customers');
    expect(calls.map((r) => new URLSearchParams(r.query).toString())).toEqual(expected);
    await adapter.close();
  });

  it.each([
    ['page numbers', { style: 'page', size: 2 }, { page: '$page', per_page: '$limit' }],
    ['offsets', { style: 'offset', size: 2 }, { offset: '$offset', limit: '$limit' }],
    ['Link headers', { style: 'linkHeader' }, { per_page: '2' }],
    ['a next URL in the body', { style: 'nextUrl', next: 'next_url' }, { per_page: '2' }],
  ])('pages with %s until the last page', async (_label, pagination, query) => {
    api.clearRequests();
    const adapter = restAdapter({ ...base(), search: { name: { path: '/v1/people', query, items: 'data', pagination } } }, secrets, api.origin);
    const [found] = await adapter.search([{ kind: 'name', family: 'shared', given: null }], {});
    expect(ids(found)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(api.requests().filter((r) => r.route === 'people').length).toBeGreaterThanOrEqual(3);
    await adapter.close();
  });

  it('fetches one OAuth2 token for concurrent calls, reuses it, and refreshes it once after a 401', async () => {
    api.clearRequests();
    const adapter = restAdapter({ ...base(), search: { email: { path: '/v1/customers', query: { email: '$key.value' }, items: 'data' } } }, secrets, api.origin);
    const [byId, bySearch] = await Promise.all([adapter.getByIds(['c3'], {}), adapter.search([{ kind: 'email', value: 'p4@example.test' }], {})]);
    expect(byId.map((r) => (r && !(r instanceof Error) ? r.ref.id : r))).toEqual(['c3']);
    expect(ids(bySearch[0])).toEqual(['c4']);
    const tokenCalls = () => api.requests().filter((r) => r.route === 'token');
    expect(tokenCalls()).toHaveLength(1);
    expect(new URLSearchParams(tokenCalls()[0]!.body).get('grant_type')).toBe('client_credentials');
    state.revoked.add(`tok-${state.issued}`);
    expect((await adapter.getByIds(['c5'], {})).map((r) => (r && !(r instanceof Error) ? r.ref.id : r))).toEqual(['c5']);
    expect(tokenCalls()).toHaveLength(2);
    await adapter.close();
  });

  it('refreshes a token that is within 30 s of expiry before calling', async () => {
    state.tokenTtlSeconds = 20;
    api.clearRequests();
    const adapter = restAdapter(base(), secrets, api.origin);
    await adapter.getByIds(['c1'], {});
    await adapter.getByIds(['c2'], {});
    expect(api.requests().filter((r) => r.route === 'token')).toHaveLength(2);
    state.tokenTtlSeconds = 3600;
    await adapter.close();
  });

  it('fails with SOURCE_AUTH_FAILED when the token endpoint refuses the client', async () => {
    const adapter = restAdapter(base(), { clientId: 'app', clientSecret: 'wrong' }, api.origin);
    await expect(adapter.getByIds(['c1'], {})).rejects.toMatchObject({ code: 'SOURCE_AUTH_FAILED', message: expect.stringMatching(/token endpoint: HTTP 401 invalid_client/) });
    await adapter.close();
  });
});
