import { DEV_API_KEY } from '../src/auth/index.js';
import { emailHolders } from '../test/support/emailHolders.js';
import { startTestGateway, type TestGateway } from '../test/support/startTestGateway.js';
import { LOYALTY_SDL, startLoyaltySubgraph } from '../test/support/startLoyaltySubgraph.js';
import { fetchSubgraphSdl, startSupergraph } from '../test/support/startSupergraph.js';

/**
 * Cost of one `_entities` batch (README "Federation"): wall time and upstream calls per source for 100
 * `Customer` representations sent straight to the subgraph, crosswalk cold (first sight of these people) and
 * warm (median of 10 repeats), by `email`, `sourceRef` and `id`; then one real cross-subgraph query through
 * a composed supergraph (`@apollo/gateway`), printed with its answer. Everything runs in this one process on
 * loopback against the sandbox (no injected source latency), so times are CPU + loopback only.
 * Run: `npm run bench:federation`.
 */
const BATCH = 100;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id displayName } } }`;

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_API_KEY}`, ...headers }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[]; extensions?: unknown };
}

function callsOf(t: TestGateway) {
  return { salesforce: t.sandbox.salesforce.requests().length, shopify: t.sandbox.shopify.requests().length, zendesk: t.sandbox.zendesk.requests().length };
}

async function measure(t: TestGateway, label: string, reps: ReadonlyArray<Record<string, unknown>>, repeats: number): Promise<void> {
  const times: number[] = [];
  let calls = callsOf(t);
  let errors = 0;
  for (let i = 0; i < repeats; i += 1) {
    t.clearRequestLogs();
    const started = performance.now();
    const res = await post(t.url, ENTITIES, { r: reps });
    times.push(performance.now() - started);
    calls = callsOf(t);
    errors = res.errors?.length ?? 0;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`| ${label} | ${reps.length} | ${median.toFixed(0)} ms${repeats > 1 ? ` (median of ${repeats})` : ''} | ${calls.salesforce} | ${calls.shopify} | ${calls.zendesk} | ${errors} |`);
}

async function main(): Promise<void> {
  const t = await startTestGateway({ size: 1000, seed: 7, deadlineMs: 60_000, timeoutMs: 30_000, federation: { enabled: true } });
  try {
    const { dataset } = t.sandbox;
    const emails = emailHolders(dataset).unique;
    const contacts = dataset.salesforce.contacts;
    console.log('| batch | representations | time | Salesforce calls | Shopify calls | Zendesk calls | errors |');
    console.log('|---|---|---|---|---|---|---|');
    const byEmail = emails.slice(0, BATCH).map((email) => ({ __typename: 'Customer', email }));
    await measure(t, '`email`, crosswalk cold', byEmail, 1);
    await measure(t, '`email`, crosswalk warm', byEmail, 10);
    const bySourceRef = contacts.slice(200, 200 + BATCH).map((c) => ({ __typename: 'Customer', sourceRef: { source: 'salesforce', id: c.id } }));
    await measure(t, '`sourceRef`, crosswalk cold', bySourceRef, 1);
    await measure(t, '`sourceRef`, crosswalk warm', bySourceRef, 10);
    const warm = await post(t.url, ENTITIES, { r: bySourceRef });
    const byId = (warm.data!._entities as Array<{ id: string }>).map((c) => ({ __typename: 'Customer', id: c.id }));
    await measure(t, '`id`, crosswalk warm', byId, 10);

    // One real cross-subgraph query: loyalty → c360 (_entities by email) with loyalty's own fields.
    const members = emails.slice(0, 5).map((email, i) => ({ email, points: 8000 - i * 1500 }));
    const loyalty = await startLoyaltySubgraph(members);
    const router = await startSupergraph([
      { name: 'c360', url: t.url, sdl: await fetchSubgraphSdl(t.url, DEV_API_KEY) },
      { name: 'loyalty', url: loyalty.url, sdl: LOYALTY_SDL },
    ]);
    try {
      const query = `query TopMembers {\n  topLoyaltyMembers(first: 3) {\n    points\n    customer { id displayName loyaltyTier identity { anchor { source id } } }\n  }\n}`;
      const answer = await post(router.url, query, {}, { 'x-c360-purpose': 'support' });
      console.log(`\n${query}\n${JSON.stringify({ data: answer.data, errors: answer.errors }, null, 2)}`);
      const first = ((answer.data!.topLoyaltyMembers as Array<{ customer: { id: string } }>)[0]!).customer.id;
      const back = `query CustomerWithPoints($id: ID!) {\n  customer(id: $id) { displayName email loyaltyPoints loyaltyTier }\n}`;
      const backAnswer = await post(router.url, back, { id: first });
      console.log(`\n${back}\nvariables: ${JSON.stringify({ id: first })}\n${JSON.stringify({ data: backAnswer.data, errors: backAnswer.errors }, null, 2)}`);
      console.log('router fetches:', JSON.stringify(router.fetches.map((f) => ({ subgraph: f.subgraph, representations: f.representations }))));
    } finally {
      await router.close();
      await loyalty.close();
    }
  } finally {
    await t.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
