import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryOverrideStore } from '../../src/identity/index.js';
import { findShowcasePerson } from '../../src/sandbox/dataset/index.js';
import { asRole, postAs, securityAuthConfig, upstreamCalls } from '../security/securityFixture.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

let t: TestGateway;
let email: string;
let customerId: string;

const BY_ID = 'query($id: ID!) { customer(id: $id) { id emails { value } } }';

beforeAll(async () => {
  t = await startTestGateway({ size: 80, seed: 13, introspection: false, auth: securityAuthConfig(), identity: { overrides: { enabled: true } }, overrideStore: createMemoryOverrideStore() });
  email = findShowcasePerson(t.sandbox.dataset).contact.email!;
  const res = await postAs(t, asRole('admin'), 'query($q: String!) { customerLookup(query: $q) { customer { id } } }', { q: email });
  customerId = (res.body.data!.customerLookup as { customer: { id: string } }).customer.id;
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  t.clearRequestLogs();
  t.audit.length = 0;
});

describe('security: field authorisation', () => {
  it('resolves a PII field to null with FORBIDDEN and its path for a role without PII scopes, with no upstream call', async () => {
    await postAs(t, asRole('admin'), 'query($id: ID!) { customer(id: $id) { id } }', { id: customerId });
    t.clearRequestLogs();
    const res = await postAs(t, asRole('analyst'), BY_ID, { id: customerId });
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: ['customer', 'emails'], extensions: { code: 'FORBIDDEN' } })]);
    expect(res.body.data).toEqual({ customer: null });
    expect(upstreamCalls(t)).toBe(0);
    // The same query by a role that may read PII does reach the sources: the zero above is the guard's doing.
    const admin = await postAs(t, asRole('admin'), BY_ID, { id: customerId });
    expect((admin.body.data!.customer as { emails: Array<{ value: string }> }).emails[0]!.value).toContain('@');
    expect(upstreamCalls(t)).toBeGreaterThan(0);
  });

  it('refuses identity mutations without identity:write before touching any source', async () => {
    const res = await postAs(t, asRole('agent'), 'mutation { suppressPerson(record: { source: "salesforce", id: "003000000000001AAA" }, reason: "x") { id } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.body.errors?.[0]?.path).toEqual(['suppressPerson']);
    expect(upstreamCalls(t)).toBe(0);
  });

  it('shows an agent PII masked in one format per kind and flags provenance as masked', async () => {
    const res = await postAs(t, asRole('agent'), `query($id: ID!) { customer(id: $id) { id displayName emails { value } phones { value }
      profile { email { value chosen { value provenance { masked } } } } } }`, { id: customerId });
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data!.customer as { displayName: string; emails: Array<{ value: string }>; phones: Array<{ value: string }>; profile: { email: { value: string; chosen: { value: string; provenance: { masked: boolean } } } } };
    expect(c.displayName).toMatch(/^\S\*\*\*$/);
    for (const e of c.emails) expect(e.value).toMatch(/^.\*\*\*@[\w.-]+$/);
    for (const p of c.phones) expect(p.value).toMatch(/^\*\*\*\d{4}$/);
    expect(c.profile.email.value).toMatch(/^.\*\*\*@/);
    expect(c.profile.email.chosen.provenance.masked).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain(email.trim().toLowerCase());
  });

  it('keeps marketing fields from purposes that do not allow them and refuses a purpose the role may not declare', async () => {
    const support = await postAs(t, asRole('agent'), 'query($id: ID!) { customer(id: $id) { id segments { name } } }', { id: customerId });
    expect(support.body.errors?.[0]).toMatchObject({ path: ['customer', 'segments'], extensions: { code: 'FORBIDDEN' } });
    const declared = await postAs(t, { ...asRole('agent'), 'x-c360-purpose': 'marketing' }, '{ sources { name } }');
    expect(declared.status).toBe(403);
    expect(declared.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const marketer = await postAs(t, { ...asRole('marketer'), 'x-c360-purpose': 'marketing' }, 'query($id: ID!) { customer(id: $id) { id consent { channel allowed } segments { name } } }', { id: customerId });
    expect(marketer.status).toBe(200);
    const c = marketer.body.data!.customer as { consent: Array<{ allowed: boolean }>; segments: unknown[] };
    if (!c.consent.some((x) => x.allowed)) {
      expect(c.segments).toEqual([]);
      expect(marketer.body.errors?.[0]).toMatchObject({ path: ['customer', 'segments'], extensions: { code: 'FORBIDDEN' } });
    } else {
      expect(marketer.body.errors).toBeUndefined();
    }
  });
});

describe('security: one credential, several purposes', () => {
  it("decides a key's fields for each request's own purpose, whatever its earlier requests declared", async () => {
    const query = 'query($id: ID!) { customer(id: $id) { id segments { name } } }';
    const outcome = async (purpose: string | null): Promise<string> => {
      // An analyst's requests without the header are for its first purpose, analytics.
      const res = await postAs(t, { ...asRole('analyst'), ...(purpose === null ? {} : { 'x-c360-purpose': purpose }) }, query, { id: customerId });
      const error = res.body.errors?.find((e) => e.path?.join('.') === 'customer.segments');
      return error ? String(error.message) : 'read';
    };
    const first = await outcome('marketing');
    const without = await outcome(null);
    expect(without).toMatch(/only for purposes marketing.*this request: analytics/);
    expect(await outcome('marketing')).toBe(first);
    expect(first).not.toMatch(/this request: analytics/);
    expect(await outcome(null)).toBe(without);
  });
});

describe('security: introspection', () => {
  it('allows introspection only with schema:read when config closes it', async () => {
    const denied = await postAs(t, asRole('agent'), '{ __schema { queryType { name } } }');
    expect(denied.status).toBe(403);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await postAs(t, asRole('admin'), '{ __schema { queryType { name } } }');
    expect(allowed.status).toBe(200);
    expect(allowed.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('gives no field suggestions in validation errors', async () => {
    const res = await postAs(t, asRole('agent'), '{ sourcez { name } }');
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/Did you mean/);
  });
});

describe('security: audit', () => {
  it('writes one event per PII-reading request with names and ids, never values', async () => {
    await postAs(t, { ...asRole('agent'), 'x-request-id': 'audit-req-1' }, BY_ID, { id: customerId });
    await postAs(t, asRole('agent'), '{ sources { name } }');
    expect(t.audit).toHaveLength(1);
    const event = t.audit[0]!;
    expect(event).toMatchObject({ type: 'pii_access', requestId: 'audit-req-1', subject: 'apikey:test-agent', role: 'agent', purpose: 'support', outcome: 'ok', piiAccess: 'masked', customerIds: [customerId] });
    expect(event.fields).toEqual(['ContactPointValue.value', 'Customer.emails']);
    expect(JSON.stringify(event)).not.toContain('@');
  });

  it('records refused PII reads as outcome denied', async () => {
    await postAs(t, asRole('analyst'), BY_ID, { id: customerId });
    expect(t.audit).toEqual([expect.objectContaining({ outcome: 'denied', denied: ['Customer.emails'], fields: [] })]);
  });
});

describe('security: erasure on the read path', () => {
  it('returns no PII of a suppressed person anywhere, even though the sources still hold it', async () => {
    const show = findShowcasePerson(t.sandbox.dataset);
    const suppressed = await postAs(t, asRole('admin'), `mutation { suppressPerson(customerId: "${customerId}", reason: "erasure request") { kind } }`);
    expect(suppressed.body.errors).toBeUndefined();
    const byEmail = await postAs(t, asRole('admin'), 'query($q: String!) { customerLookup(query: $q) { status customer { id emails { value } } candidates { customer { emails { value } } } } }', { q: email });
    expect((byEmail.body.data!.customerLookup as { status: string }).status).toBe('NOT_FOUND');
    const byId = await postAs(t, asRole('admin'), BY_ID, { id: customerId });
    expect(byId.body.data).toEqual({ customer: null });
    const bySource = await postAs(t, asRole('admin'), `{ customerBySource(source: "shopify", id: "${show.customer.id}") { emails { value } phones { value } } }`);
    for (const body of [byEmail.text.replace(/"normalized":"[^"]*"/, ''), byId.text, bySource.text]) {
      expect(body).not.toContain(email.trim().toLowerCase());
      if (show.person.phone) expect(body).not.toContain(show.person.phone.replace(/\D/g, '').slice(-7));
    }
  });
});
