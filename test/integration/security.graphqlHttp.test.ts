import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway({ size: 20, seed: 2 });
});
afterAll(async () => {
  await t?.close();
});

/**
 * Audits we fail on purpose, by id, with the reason. Every other audit (MUST, SHOULD and MAY) must pass.
 */
const ACCEPTED_FAILURES = new Map<string, string>([
  // MAY: GET without a preflight header is refused by Apollo's CSRF prevention, which stays on (issue 6).
  ['5A70', 'CSRF prevention: simple GET requests need `apollo-require-preflight` or a JSON content type'],
  ['D6D5', 'CSRF prevention (as 5A70)'],
  ['6A70', 'CSRF prevention (as 5A70)'],
  // SHOULD: rejected documents get 400 with a stable code (issue 6: "rejections are 400"), also under application/json.
  ['572B', 'parse failures are 400 GRAPHQL_PARSE_FAILED'],
  ['FDE2', 'validation failures are 400 GRAPHQL_VALIDATION_FAILED / QUERY_LIMIT_EXCEEDED'],
  ['7B9B', 'variable coercion failures are 400 BAD_USER_INPUT'],
]);

describe('security: GraphQL over HTTP conformance (graphql-http serverAudits)', () => {
  it('passes every MUST audit of the graphql-http package and every other audit but the listed ones', async () => {
    // The audits send no credentials: add the dev credential the way a real client would.
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers).entries()), ...t.authHeaders } });
    const failures: string[] = [];
    for (const audit of serverAudits({ url: t.url, fetchFn })) {
      const result = await audit.fn();
      if (result.status !== 'ok' && !ACCEPTED_FAILURES.has(audit.id)) failures.push(`${audit.id} ${audit.name}: ${result.status} ${'reason' in result ? result.reason : ''}`);
    }
    expect(failures).toEqual([]);
    // Every accepted failure is a MAY or SHOULD, never a MUST.
    const mustIds = serverAudits({ url: t.url, fetchFn }).filter((a) => a.name.startsWith('MUST')).map((a) => a.id);
    expect(mustIds.length).toBeGreaterThan(10);
    for (const id of ACCEPTED_FAILURES.keys()) expect(mustIds).not.toContain(id);
  });
});
