import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCorpus, type HostileCase } from '../security/hostileCorpus.js';
import { upstreamCalls } from '../security/securityFixture.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway({ size: 30, seed: 4 });
});
afterAll(async () => {
  await t?.close();
});

async function send(c: HostileCase): Promise<{ status: number; code: unknown; text: string }> {
  const url = c.search === undefined ? t.url : `${t.url}?${c.search}`;
  const method = c.method ?? 'POST';
  const headers: Record<string, string> = { ...(c.anonymous ? {} : t.authHeaders), ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...c.headers };
  const body = method === 'GET' ? undefined : (c.body ?? JSON.stringify(c.json));
  const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let code: unknown;
  try {
    code = (JSON.parse(text) as { errors?: Array<{ extensions?: { code?: unknown } }> }).errors?.[0]?.extensions?.code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code, text };
}

describe('security: hostile and malformed requests', () => {
  it('answers each of at least 300 hostile requests with a 4xx and a stable code, never a 5xx, and stays up', async () => {
    const corpus = hostileCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    t.clearRequestLogs();
    const bad: string[] = [];
    for (const c of corpus) {
      const { status, code, text } = await send(c);
      if (status < 400 || status >= 500 || typeof code !== 'string' || /Did you mean|\bat .+\.(js|ts):\d+/.test(text)) bad.push(`${c.name}: ${status} ${String(code)} ${text.slice(0, 160)}`);
    }
    expect(bad).toEqual([]);
    // The corpus never reaches a source: everything is refused before execution.
    expect(upstreamCalls(t)).toBe(0);
    expect(t.logs.filter((l) => l.includes('unexpected error') || l.includes('unhandled error'))).toEqual([]);
    const after = await t.gql('{ sources { name } }');
    expect(after.status).toBe(200);
  });

  it('labels each limit with QUERY_LIMIT_EXCEEDED and names it', async () => {
    const expectLimit = async (json: unknown, limit: string) => {
      const res = await send({ name: limit, json });
      expect({ limit, status: res.status, code: res.code }).toEqual({ limit, status: 400, code: 'QUERY_LIMIT_EXCEEDED' });
      expect(res.text).toContain(`"limit":"${limit}"`);
    };
    await expectLimit({ query: `{ ${Array.from({ length: 11 }, (_, i) => `r${i}: __typename`).join(' ')} }` }, 'maxRootFields');
    await expectLimit({ query: `{ sources { ${Array.from({ length: 16 }, (_, i) => `a${i}: name`).join(' ')} } }` }, 'maxAliases');
    await expectLimit({ query: `{ sources ${'@include(if: true) '.repeat(11)}{ name } }` }, 'maxDirectives');
    await expectLimit({ query: `{ ${'__typename '.repeat(2_100)}}` }, 'maxTokens');
    await expectLimit({ query: `{ ${'... on Query { '.repeat(200)}sources { name }${' }'.repeat(200)} }` }, 'maxDepth');
    await expectLimit({ query: `{ customers(ids: [${Array.from({ length: 100 }, (_, i) => `"c${i}"`).join(',')}]) { orders(first: 100) { nodes { id number } } } }` }, 'maxCost');
  });
});
