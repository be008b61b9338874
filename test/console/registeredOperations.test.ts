import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPersistedOperation, CONSOLE_OPERATIONS, createOperationRegistry, operationId } from '../../src/console/index.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

const registry = createOperationRegistry(CONSOLE_OPERATIONS);

describe('applyPersistedOperation: registered operations by id', () => {
  const id = registry.idsByName['ConsoleSources']!;

  it('derives each id from the document text (sha256 hex)', () => {
    expect(id).toBe(operationId(CONSOLE_OPERATIONS.ConsoleSources));
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(registry.idsByName)).toEqual(Object.keys(CONSOLE_OPERATIONS));
  });

  it.each<[string, unknown, boolean, boolean]>([
    ['an id alone: fills in the document', { extensions: { persistedQuery: { version: 1, sha256Hash: id } } }, true, true],
    ['the registered text', { query: CONSOLE_OPERATIONS.ConsoleSources }, true, false],
    ['other text', { query: '{ sources { name } }' }, false, false],
    ['an unknown id', { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }, false, false],
    ['not an object', [1, 2], false, false],
  ])('handles %s', (_what, body, registered, filled) => {
    const outcome = applyPersistedOperation(body, registry);
    expect(outcome.registered).toBe(registered);
    expect((outcome.body as { query?: string }).query === CONSOLE_OPERATIONS.ConsoleSources && !(body as { query?: string }).query).toBe(filled);
  });
});

describe('gateway: console routes and registeredOnly credentials', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ size: 30, seed: 3, console: { registeredOnly: ['apikey:dev'] }, introspection: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (body: unknown) =>
    fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...t.authHeaders }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } }));

  it('runs a registered operation sent by id only', async () => {
    const res = await post({ operationName: 'ConsoleSources', extensions: { persistedQuery: { version: 1, sha256Hash: registry.idsByName['ConsoleSources'] } } });
    expect(res.status).toBe(200);
    expect((res.body.data as { sources: Array<{ name: string; capabilities: string[] }> }).sources.find((s) => s.name === 'shopify')?.capabilities).toContain('lookup:orderNumber');
  });

  it('refuses any other operation from a registeredOnly credential with 403 OPERATION_NOT_REGISTERED', async () => {
    const res = await post({ query: '{ sources { name } }' });
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
  });

  it('serves the console page, its compiled code, the vendored modules and the ids, all from this origin', async () => {
    const origin = new URL(t.url).origin;
    const page = await fetch(`${origin}/console`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/console/app.js">');
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const path of ['/console/app.js', '/console/api.js', '/console/console.css', '/console/vendor/preact.module.js', '/console/vendor/hooks.module.js', '/console/vendor/htm.module.js']) {
      const res = await fetch(`${origin}${path}`);
      expect(res.status, path).toBe(200);
    }
    expect(await (await fetch(`${origin}/console/operations.json`)).json()).toEqual(registry.idsByName);
    expect((await fetch(`${origin}/console/../package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/console/nothing.js`)).status).toBe(503);
  });

  it('serves GraphiQL and its React and GraphiQL builds locally at GET /graphql from a browser', async () => {
    const origin = new URL(t.url).origin;
    const page = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/graphiql/graphiql.min.js');
    expect(html).not.toMatch(/https?:\/\//);
    for (const path of ['/graphiql/react.production.min.js', '/graphiql/react-dom.production.min.js', '/graphiql/graphiql.min.js', '/graphiql/graphiql.min.css', '/graphiql/init.js']) {
      expect((await fetch(`${origin}${path}`)).status, path).toBe(200);
    }
  });
});

describe('config: console section', () => {
  it('rejects a bad console value naming the key', async () => {
    const { parseConfig } = await import('../../src/config.js');
    const base = { sources: [{ name: 's', kind: 'shopify', baseUrl: 'http://127.0.0.1:1' }] };
    expect(() => parseConfig({ ...base, console: { registeredOnly: 'apikey:console' } }, { SHOPIFY_ACCESS_TOKEN: 't' })).toThrow(/console\.registeredOnly/);
    expect(parseConfig(base, { SHOPIFY_ACCESS_TOKEN: 't' }).console).toEqual({ enabled: true, registeredOnly: [] });
  });
});
