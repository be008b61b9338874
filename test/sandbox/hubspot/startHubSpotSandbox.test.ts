import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/sandbox/dataset/index.js';
import { startHubSpotSandbox, type HubSpotSandbox } from '../../../src/sandbox/hubspot/index.js';

const dataset = generateDataset({ size: 60, seed: 3 });
let hubspot: HubSpotSandbox;
beforeAll(async () => {
  hubspot = await startHubSpotSandbox(dataset);
});
afterAll(async () => {
  await hubspot.close();
});

async function call(method: 'GET' | 'POST', path: string, body?: unknown, token = 'pat-sandbox-hubspot') {
  const res = await fetch(`${hubspot.origin}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, headers: res.headers, body: (await res.text().then((t) => (t ? JSON.parse(t) : null))) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('startHubSpotSandbox: CRM v3 contacts wire shapes', () => {
  it('searches with filterGroups ORed and filters ANDed, case-insensitive, returning default properties and paging.next.after', async () => {
    const [a, b] = hubspot.portal.contacts.filter((c) => c.properties.email);
    const res = await call('POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: a!.properties.email!.toUpperCase() }] }, { filters: [{ propertyName: 'email', operator: 'IN', values: [b!.properties.email] }, { propertyName: 'lastname', operator: 'HAS_PROPERTY' }] }],
      limit: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.results).toHaveLength(1);
    expect(Object.keys(res.body.results[0].properties).sort()).toEqual(['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname']);
    expect(res.body.results[0]).toMatchObject({ archived: false, createdAt: expect.stringMatching(/Z$/) });
    expect(res.body.paging).toEqual({ next: { after: '1' } });
    const last = await call('POST', '/crm/v3/objects/contacts/search', { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'IN', values: [a!.properties.email, b!.properties.email] }] }], after: '1', limit: 1 });
    expect(last.body.paging).toBeUndefined();
    expect(res.headers.get('x-hubspot-ratelimit-max')).toBe('190');
  });

  it.each([
    ['6 filter groups', { filterGroups: Array.from({ length: 6 }, () => ({ filters: [] })) }, /Too many filters/],
    ['26 filters', { filterGroups: [0, 1, 2].map(() => ({ filters: Array.from({ length: 9 }, () => ({ propertyName: 'email', operator: 'HAS_PROPERTY' })) })) }, /Too many filters/],
    ['limit 201', { limit: 201 }, /limit must be between 1 and 200/],
    ['paging past 10 000', { after: '9950', limit: 100 }, /at most 10000 results/],
    ['an unknown operator', { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'LIKE', value: 'x' }] }] }, /Invalid filter/],
  ])('refuses %s with 400 VALIDATION_ERROR', async (_label, body, message) => {
    const res = await call('POST', '/crm/v3/objects/contacts/search', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', message: expect.stringMatching(message), correlationId: expect.any(String) });
  });

  it('batch-reads ids: 200 COMPLETE when all exist, 207 with OBJECT_NOT_FOUND errors otherwise; idProperty=email reads by email', async () => {
    const [a] = hubspot.portal.contacts;
    const all = await call('POST', '/crm/v3/objects/contacts/batch/read', { inputs: [{ id: a!.id }], properties: ['phone'] });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ status: 'COMPLETE', results: [{ id: a!.id, properties: { phone: a!.properties.phone, hs_object_id: a!.id } }] });
    const some = await call('POST', '/crm/v3/objects/contacts/batch/read', { inputs: [{ id: a!.id }, { id: '1' }] });
    expect(some.status).toBe(207);
    expect(some.body).toMatchObject({ numErrors: 1, errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', context: { ids: ['1'] } }] });
    const withEmail = hubspot.portal.contacts.find((c) => c.properties.email)!;
    const byEmail = await call('POST', '/crm/v3/objects/contacts/batch/read', { idProperty: 'email', inputs: [{ id: withEmail.properties.email }] });
    expect(byEmail.body.results[0].id).toBe(withEmail.id);
    const tooMany = await call('POST', '/crm/v3/objects/contacts/batch/read', { inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })) });
    expect(tooMany.status).toBe(400);
  });

  it('answers 401 INVALID_AUTHENTICATION for a wrong token and 404 OBJECT_NOT_FOUND for an unknown id', async () => {
    expect(await call('GET', `/crm/v3/objects/contacts/${hubspot.portal.contacts[0]!.id}`, undefined, 'wrong')).toMatchObject({ status: 401, body: { category: 'INVALID_AUTHENTICATION' } });
    expect(await call('GET', '/crm/v3/objects/contacts/1')).toMatchObject({ status: 404, body: { category: 'OBJECT_NOT_FOUND' } });
  });

  it('derives contacts deterministically from the dataset, a share of the people, with digits-only searchable phones', () => {
    expect(hubspot.portal.truth.length).toBeGreaterThan(15);
    expect(hubspot.portal.truth.length).toBeLessThan(45);
    for (const c of hubspot.portal.contacts) {
      const searchable = c.properties.hs_searchable_calculated_phone_number ?? c.properties.hs_searchable_calculated_mobile_number;
      expect(searchable).toMatch(/^\d{10}$/);
    }
  });
});
