import { findShowcasePerson } from '../../src/sandbox/dataset/index.js';
import type { FakeServer, FaultRule } from '../../src/sandbox/fakeTypes.js';
import type { TestGateway } from '../support/startTestGateway.js';

/** The 360 query of the fault tests: profile, orders, tickets and activities of one customer. */
export const CUSTOMER_360 = `query($id: ID!) { customer(id: $id) {
  id displayName
  emails { value sources { source id } }
  phones { value sources { source id } }
  orders(first: 100) { totalCount nodes { id source number } }
  tickets(first: 100) { totalCount nodes { id source subject } }
  activities(first: 100) { totalCount nodes { id source } }
} }`;

export type SourceName = 'salesforce' | 'shopify' | 'zendesk';
export const SOURCES: readonly SourceName[] = ['salesforce', 'shopify', 'zendesk'];

interface Node {
  id: string;
  source: string;
}
interface ContactPoint {
  value: string;
  sources: Array<{ source: string; id: string }>;
}
export interface Customer360 {
  id: string;
  displayName: string | null;
  emails: ContactPoint[];
  phones: ContactPoint[];
  orders: { nodes: Node[] };
  tickets: { nodes: Node[] };
  activities: { nodes: Node[] };
}

export interface SourceEntry {
  name: string;
  status: string;
  latencyMs: number;
  calls: number;
  retries: number;
  cacheHits: number;
  errorCode?: string;
  staleAgeMs?: number;
}

export interface FullResponse<T> {
  status: number;
  elapsedMs: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: { sources?: SourceEntry[] };
}

/** POSTs a GraphQL request and returns the whole body, the HTTP status and the wall time. */
export async function post<T>(t: TestGateway, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<FullResponse<T>> {
  const started = performance.now();
  const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...t.authHeaders, ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as Omit<FullResponse<T>, 'status' | 'elapsedMs'>;
  return { status: res.status, elapsedMs: performance.now() - started, ...body };
}

/** What a response was, in one line, for assertion messages: HTTP status, wall time, errors and source statuses. */
export function describeResponse(res: FullResponse<unknown>): string {
  return JSON.stringify({ status: res.status, elapsedMs: Math.round(res.elapsedMs), data: res.data ?? null, errors: res.errors ?? [], sources: res.extensions?.sources ?? [] });
}

/**
 * The gateway id of the showcase person (present in all three sources); warms the crosswalk. Throws with the
 * whole response (status, time, errors, per-source statuses) when the lookup did not match that person.
 */
export async function showcaseCustomerId(t: TestGateway): Promise<string> {
  const show = findShowcasePerson(t.sandbox.dataset);
  const res = await post<{ customerLookup: { status: string; customer: { id: string } | null } | null }>(t, 'query($q: String!) { customerLookup(query: $q) { status customer { id } } }', { q: show.contact.email });
  const id = res.data?.customerLookup?.customer?.id;
  if (res.data?.customerLookup?.status !== 'MATCHED' || !id) throw new Error(`showcase lookup (${show.contact.email}) did not match one customer: ${describeResponse(res)}`);
  return id;
}

/**
 * A fault test's baseline: the healthy answer of `query`, asked up to `tries` times so that a cold start on a
 * slow machine (first connections, JIT) does not fail the whole file; each failed try is kept and reported
 * if none answers cleanly.
 */
export async function healthyBaseline<T>(t: TestGateway, query: string, variables: Record<string, unknown>, tries = 3): Promise<T> {
  const seen: string[] = [];
  for (let attempt = 1; attempt <= tries; attempt += 1) {
    const res = await post<T>(t, query, variables);
    if (res.status === 200 && !res.errors && res.data) return res.data;
    seen.push(describeResponse(res));
  }
  throw new Error(`no clean healthy answer in ${tries} tries:\n${seen.join('\n')}`);
}

export function server(t: TestGateway, name: SourceName): FakeServer {
  return t.sandbox[name];
}

export function resetAll(t: TestGateway): void {
  for (const name of SOURCES) server(t, name).reset();
}

/** The parts of a 360 answer that come from `healthy` sources only, in a comparable form. */
export function healthyParts(customer: Customer360, healthy: readonly string[]): unknown {
  const keep = (nodes: Node[]) => nodes.filter((n) => healthy.includes(n.source)).map((n) => n.id);
  const points = (list: ContactPoint[]) =>
    list
      .map((p) => ({ value: p.value, sources: p.sources.filter((s) => healthy.includes(s.source)).map((s) => `${s.source}/${s.id}`).sort() }))
      .filter((p) => p.sources.length > 0)
      .sort((a, b) => a.value.localeCompare(b.value));
  return {
    emails: points(customer.emails),
    phones: points(customer.phones),
    orders: keep(customer.orders.nodes),
    tickets: keep(customer.tickets.nodes),
    activities: keep(customer.activities.nodes),
  };
}

/** The list fields of the 360 query each source serves. */
export const LIST_FIELDS: Record<SourceName, readonly string[]> = {
  salesforce: ['tickets', 'activities'],
  shopify: ['orders'],
  zendesk: ['tickets'],
};

/** One fault of the matrix: the rule to inject, the code and status a client must see. */
export interface FaultCase {
  readonly name: string;
  readonly rule: FaultRule;
  readonly code: string;
  readonly status: string;
  /** A source whose adapter classifies this fault differently. */
  readonly codeFor?: Partial<Record<SourceName, string>>;
}

/** Faults in the matrix; timing faults assume a source timeout well under 1 s. */
export const FAULTS: readonly FaultCase[] = [
  { name: 'latency past the timeout', rule: { delayMs: 1_200 }, code: 'SOURCE_TIMEOUT', status: 'TIMEOUT' },
  { name: 'hang', rule: { fault: { kind: 'hang' } }, code: 'SOURCE_TIMEOUT', status: 'TIMEOUT' },
  { name: 'trickled body', rule: { fault: { kind: 'trickle', bytesPerSecond: 64 } }, code: 'SOURCE_TIMEOUT', status: 'TIMEOUT' },
  { name: '5xx', rule: { fault: { kind: 'preset', preset: 'serverError' } }, code: 'SOURCE_UNAVAILABLE', status: 'ERROR' },
  { name: "the vendor's throttle", rule: { fault: { kind: 'preset', preset: 'throttle' } }, code: 'SOURCE_RATE_LIMITED', status: 'RATE_LIMITED' },
  { name: 'malformed body', rule: { fault: { kind: 'malformedJson' } }, code: 'SOURCE_BAD_RESPONSE', status: 'ERROR' },
  // Salesforce reads the body before the status, so a proxy's 502 page is a bad response there.
  { name: 'HTML error page', rule: { fault: { kind: 'html' } }, code: 'SOURCE_UNAVAILABLE', status: 'ERROR', codeFor: { salesforce: 'SOURCE_BAD_RESPONSE' } },
  { name: 'connection reset', rule: { fault: { kind: 'reset' } }, code: 'SOURCE_UNAVAILABLE', status: 'ERROR' },
];
