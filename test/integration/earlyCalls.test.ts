import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findShowcasePerson, type SandboxDataset } from '../../src/sandbox/dataset/index.js';
import { asRole, postAs, securityAuthConfig, type TestRole } from '../security/securityFixture.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

// Issue 17, light-load p50: a repeated customer(id:) operation starts its source calls before it executes.

const SAME = `query Same($id: ID!, $n: Int = 10) { customer(id: $id) { id displayName emails { value } orders(first: $n) { totalCount nodes { number } } tickets(first: 10) { nodes { number } } } }`;
const PROFILE_ONLY = `query Profile($id: ID!) { customer(id: $id) { id displayName } }`;

let on: TestGateway;
let off: TestGateway;
beforeAll(async () => {
  // The same seeded data behind both: their sandboxes see the same ids, so their request logs compare exactly.
  [on, off] = await Promise.all([
    startTestGateway({ size: 60, seed: 7, auth: securityAuthConfig() }),
    startTestGateway({ size: 60, seed: 7, auth: securityAuthConfig(), performance: { earlyCalls: false } }),
  ]);
});
afterAll(async () => {
  await Promise.all([on?.close(), off?.close()]);
});

/** The customer id of a Salesforce contact (this warms the crosswalk for it). */
async function customerIdOf(t: TestGateway, contactId: string): Promise<string> {
  const res = await postAs(t, asRole('admin'), `query($id: ID!) { customerBySource(source: "salesforce", id: $id) { id } }`, { id: contactId });
  return (res.body.data!.customerBySource as { id: string }).id;
}

/** Sends one query; returns its body and what the sandbox saw for it (method, path and body of each request, sorted). */
async function ask(t: TestGateway, role: TestRole, query: string, variables: Record<string, unknown>) {
  const servers = [t.sandbox.salesforce, t.sandbox.shopify, t.sandbox.zendesk];
  for (const s of servers) s.clearRequests();
  const res = await postAs(t, asRole(role), query, variables);
  const calls = servers.flatMap((s) => s.requests().map((r) => `${s.name} ${r.method} ${r.path} ${r.body}`)).sort();
  return { body: res.body, calls };
}

async function earlyStarts(t: TestGateway): Promise<number | null> {
  const text = await (await fetch(`${t.url.replace(/\/graphql$/, '')}/metrics`)).text();
  const line = /^c360_early_call_starts (\d+)$/m.exec(text);
  return line ? Number(line[1]) : null;
}

function contactIds(dataset: SandboxDataset): string[] {
  const show = findShowcasePerson(dataset).contact.id;
  return [show, ...dataset.salesforce.contacts.map((c) => c.id).filter((id) => id !== show).slice(0, 2)];
}

describe('early calls: a repeated customer query starts its source calls before it executes', () => {
  it('gives the same answer from the same upstream requests as without, and counts the requests it started early', async () => {
    const [first, second, third] = contactIds(on.sandbox.dataset);
    expect(await earlyStarts(on)).toBe(0);
    const started: number[] = [];
    for (const contact of [first!, second!, first!, third!]) {
      const [idOn, idOff] = await Promise.all([customerIdOf(on, contact), customerIdOf(off, contact)]);
      expect(idOn).toBe(idOff);
      const before = (await earlyStarts(on))!;
      const a = await ask(on, 'admin', SAME, { id: idOn });
      started.push((await earlyStarts(on))! - before);
      const b = await ask(off, 'admin', SAME, { id: idOff });
      expect(a.body.errors).toBeUndefined();
      expect(a.body.data).toEqual(b.body.data);
      expect(a.calls).toEqual(b.calls);
      expect(a.calls.length).toBeGreaterThan(0);
    }
    // The first run of the operation is remembered; each later one started early (a second customer too).
    expect(started).toEqual([0, 1, 1, 1]);
    expect(await earlyStarts(off)).toBeNull();
  });

  it("plans for the caller: a role without orders:read and tickets:read asks for no orders or tickets early", async () => {
    const [contact] = contactIds(on.sandbox.dataset);
    const [idOn, idOff] = await Promise.all([customerIdOf(on, contact!), customerIdOf(off, contact!)]);
    await ask(on, 'marketer', SAME, { id: idOn });
    const before = (await earlyStarts(on))!;
    const a = await ask(on, 'marketer', SAME, { id: idOn });
    const b = await ask(off, 'marketer', SAME, { id: idOff });
    expect(await earlyStarts(on)).toBe(before + 1);
    // orders is non-null: its FORBIDDEN nulls the customer, with or without early calls.
    expect(a.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(a.body.data).toEqual(b.body.data);
    expect(a.calls).toEqual(b.calls);
    expect(a.calls.join('\n')).not.toMatch(/tickets\/requested|orders/i);
  });

  it('starts nothing when a resolver would refuse the paging arguments, and nothing for an operation not seen before', async () => {
    const [contact] = contactIds(on.sandbox.dataset);
    const id = await customerIdOf(on, contact!);
    await ask(on, 'admin', SAME, { id });
    const before = (await earlyStarts(on))!;
    const refused = await ask(on, 'admin', SAME, { id, n: 1000 });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.calls.join('\n')).not.toMatch(/orders/i);
    const fresh = await ask(on, 'admin', PROFILE_ONLY, { id });
    expect(fresh.body.errors).toBeUndefined();
    expect(await earlyStarts(on)).toBe(before);
    // Seen once now: the next one starts early.
    await ask(on, 'admin', PROFILE_ONLY, { id });
    expect(await earlyStarts(on)).toBe(before + 1);
  });

  it('knows an automatic persisted query sent by its hash alone, once that hash has run', async () => {
    const [contact] = contactIds(on.sandbox.dataset);
    const id = await customerIdOf(on, contact!);
    const query = `query Persisted($id: ID!) { customer(id: $id) { id displayName tickets(first: 3) { totalCount } } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    const post = async (body: Record<string, unknown>) => {
      const res = await fetch(on.url, { method: 'POST', headers: { 'content-type': 'application/json', ...asRole('admin') }, body: JSON.stringify(body) });
      return (await res.json()) as { data?: unknown; errors?: unknown };
    };
    const registered = await post({ query, variables: { id }, extensions });
    expect(registered.errors).toBeUndefined();
    const before = (await earlyStarts(on))!;
    const byHash = await post({ variables: { id }, extensions });
    expect(byHash.data).toEqual(registered.data);
    expect(await earlyStarts(on)).toBe(before); // this hash alone had not run yet
    const again = await post({ variables: { id }, extensions });
    expect(again.data).toEqual(registered.data);
    expect(await earlyStarts(on)).toBe(before + 1);
  });

  it('starts customerBySource early too, and nothing for a source id its resolver refuses', async () => {
    const [, second] = contactIds(on.sandbox.dataset);
    const bySource = `query BySource($source: String!, $id: ID!) { customerBySource(source: $source, id: $id) { id displayName orders(first: 5) { totalCount } } }`;
    await customerIdOf(on, second!); // the crosswalk knows this contact
    await ask(on, 'admin', bySource, { source: 'salesforce', id: second });
    const before = (await earlyStarts(on))!;
    const a = await ask(on, 'admin', bySource, { source: 'salesforce', id: ` ${second!} ` });
    const b = await ask(off, 'admin', bySource, { source: 'salesforce', id: second });
    expect(await earlyStarts(on)).toBe(before + 1);
    expect(a.body.data).toEqual(b.body.data);
    expect(a.calls).toEqual(b.calls);
    const refused = await ask(on, 'admin', bySource, { source: 'nowhere', id: second });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNKNOWN_SOURCE');
    expect(refused.calls).toEqual([]);
    expect(await earlyStarts(on)).toBe(before + 1);
  });

  it('answers a failing source as without early calls: the other sources\' data, and an error naming the source at each field', async () => {
    const [, , third] = contactIds(on.sandbox.dataset);
    const [idOn, idOff] = await Promise.all([customerIdOf(on, third!), customerIdOf(off, third!)]);
    await ask(on, 'admin', SAME, { id: idOn });
    const before = (await earlyStarts(on))!;
    const fault = { match: { path: 'graphql' }, fault: { kind: 'status' as const, status: 400, body: { errors: 'injected' } } };
    on.sandbox.shopify.addFault(fault);
    off.sandbox.shopify.addFault(fault);
    try {
      const a = await ask(on, 'admin', SAME, { id: idOn });
      const b = await ask(off, 'admin', SAME, { id: idOff });
      expect(await earlyStarts(on)).toBe(before + 1);
      const errorsOf = (body: typeof a.body) => (body.errors ?? []).map((e) => `${String(e.extensions?.code)} ${String(e.extensions?.source)} ${(e.path ?? []).join('.')}`).sort();
      expect(errorsOf(a.body).length).toBeGreaterThan(0);
      expect(errorsOf(a.body).every((e) => e.includes(' shopify '))).toBe(true);
      expect(errorsOf(a.body)).toEqual(errorsOf(b.body));
      expect(a.body.data).toEqual(b.body.data);
      expect((a.body.data as { customer: { displayName: string | null } }).customer.displayName).toBeTruthy();
    } finally {
      on.sandbox.shopify.clearFaults();
      off.sandbox.shopify.clearFaults();
    }
  });
});
