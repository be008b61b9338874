import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findShowcasePerson } from '../../src/sandbox/dataset/index.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

// The demo's defaults: 3 s deadline, 1 s per source attempt. A source that hangs during a cold lookup must
// cost the request about one attempt, not the whole deadline: the other sources' later calls (second
// identity round, cases, orders) still need time.
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ size: 200, seed: 7, timeoutMs: 1_000, deadlineMs: 3_000 });
});
afterAll(async () => {
  await t?.close();
});

const QUERY = `query($q: String!) { customerLookup(query: $q) { status customer {
  identity { links { source id } } orders(first: 100) { totalCount } tickets(first: 100) { nodes { source number } } } } }`;

interface Answer {
  customerLookup: { status: string; customer: { identity: { links: Array<{ source: string; id: string }> }; orders: { totalCount: number }; tickets: { nodes: Array<{ source: string; number: string }> } } };
}

describe('faults: a hung source during a cold lookup', () => {
  it('keeps the healthy sources\' parts and answers within the deadline', async () => {
    const show = findShowcasePerson(t.sandbox.dataset);
    const healthy = await t.gql<Answer>(QUERY, { q: show.person.phone });
    expect(healthy.errors).toBeUndefined();
    const expectedCases = healthy.data!.customerLookup.customer.tickets.nodes.filter((n) => n.source === 'salesforce');
    expect(expectedCases.length).toBeGreaterThan(0);

    t.gateway.identity.clear();
    t.sandbox.zendesk.addFault({ fault: { kind: 'hang' } });
    const started = performance.now();
    const res = await t.gql<Answer>(QUERY, { q: show.person.phone });
    const elapsedMs = performance.now() - started;
    t.sandbox.zendesk.reset();

    expect(res.status).toBe(200);
    expect(elapsedMs).toBeLessThan(3_000 + 1_000);
    const customer = res.data!.customerLookup.customer;
    expect(res.data!.customerLookup.status).toBe('MATCHED');
    expect(customer.identity.links.map((l) => l.source).sort()).toEqual(['salesforce', 'shopify']);
    expect(customer.orders.totalCount).toBe(healthy.data!.customerLookup.customer.orders.totalCount);
    expect(customer.tickets.nodes.filter((n) => n.source === 'salesforce')).toEqual(expectedCases);
    expect(res.errors?.map((e) => e.extensions?.source)).toEqual(['zendesk']);
    expect(res.errors?.[0]?.extensions?.code).toBe('SOURCE_TIMEOUT');
    // One attempt plus at most one retry that fitted; never a call per later phase.
    expect(t.sandbox.zendesk.requests().length).toBeLessThanOrEqual(2);
  });
});
