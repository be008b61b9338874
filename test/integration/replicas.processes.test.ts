import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_API_KEY, hashApiKey } from '../../src/auth/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';

// Three `c360 serve` processes (the built binary, as in cli.test.ts: `npm test` builds first) sharing one Redis
// and one sandbox, queried round-robin. Needs a Redis: runs when REDIS_URL is set (.ci/run sets it); random key
// prefix, deleted afterwards.
const REDIS_URL = process.env.REDIS_URL;
const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));

const IDENTITY = `query($id: ID!) { customerBySource(source: "salesforce", id: $id) { id identity { links { source id rule } } } }`;
type Links = { customerBySource: { id: string; identity: { links: Array<{ id: string; rule: string }> } } | null };

async function gql<T>(url: string, query: string, variables: Record<string, unknown>): Promise<{ data?: T; errors?: Array<{ extensions?: { code?: string } }> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_API_KEY}` }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as never;
}

async function within(ms: number, check: () => Promise<void>): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe.skipIf(!REDIS_URL || !existsSync(CLI))('replicas: three c360 serve processes sharing one Redis', () => {
  let sandbox: Sandbox;
  let dir: string;
  const prefix = `c360test:${randomBytes(4).toString('hex')}:`;
  const children: ChildProcessWithoutNullStreams[] = [];
  const urls: string[] = [];
  const upstream = (): number => [sandbox.salesforce, sandbox.shopify, sandbox.zendesk].reduce((n, s) => n + s.requests().length, 0);
  const clear = (): void => [sandbox.salesforce, sandbox.shopify, sandbox.zendesk].forEach((s) => s.clearRequests());
  const contacts = (): string[] => {
    const { truth, people } = sandbox.dataset;
    return people.filter((p) => p.systems.length === 3).map((p) => truth.find((t) => t.personId === p.personId && t.system === 'salesforce')?.id).filter((id): id is string => id !== undefined);
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 120, seed: 11 });
    dir = mkdtempSync(join(tmpdir(), 'c360-replicas-'));
    const file = join(dir, 'c360.yaml');
    const sources = sandbox.sourceConfigs().map((s) => `  - { name: ${s.name}, kind: ${s.kind}, baseUrl: "${s.baseUrl}", timeoutMs: 5000, policies: { cache: { staleWindowMs: 0 } } }`);
    writeFileSync(
      file,
      `server: { port: 0 }\nlogging: { level: warn }\nauth:\n  apiKeys:\n    - { name: dev, role: admin, sha256: ${hashApiKey(DEV_API_KEY)} }\n` +
        `identity: { overrides: { enabled: true } }\nstate: { redis: { url: "${REDIS_URL}", keyPrefix: "${prefix}", commandTimeoutMs: 1000 } }\naudit: { sink: file, file: ${JSON.stringify(join(dir, 'audit.log'))} }\nsources:\n${sources.join('\n')}\n`,
    );
    const { NODE_ENV: _vitest, ...env } = process.env;
    const started = [0, 1, 2].map(async () => {
      const child = spawn(process.execPath, [CLI, 'serve', '--config', file], { env: { ...env, SALESFORCE_ACCESS_TOKEN: 'sandbox-salesforce-token', SHOPIFY_ACCESS_TOKEN: 'shpat_sandbox', ZENDESK_EMAIL: 'agent@sandbox.example', ZENDESK_API_TOKEN: 'sandbox-zendesk-token' } });
      children.push(child);
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const end = Date.now() + 60_000;
      while (Date.now() < end) {
        const m = /listening on (http:\/\/\S+\/graphql)/.exec(out);
        if (m) return m[1]!;
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`c360 serve did not start:\n${out}`);
    });
    urls.push(...(await Promise.all(started)));
  }, 90_000);
  afterAll(async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }),
    );
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    const cleaner = createClient({ url: REDIS_URL });
    await cleaner.connect();
    for await (const keys of cleaner.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length > 0) await cleaner.del(keys);
    cleaner.destroy();
  }, 60_000);

  it('answers on replicas 2 and 3 from the shared crosswalk what replica 1 resolved, with no upstream call', async () => {
    const [id] = contacts();
    clear();
    const first = await gql<Links>(urls[0]!, IDENTITY, { id });
    expect(upstream()).toBeGreaterThan(0);
    clear();
    for (const url of [urls[1]!, urls[2]!]) expect((await gql<Links>(url, IDENTITY, { id })).data).toStrictEqual(first.data);
    expect(upstream()).toBe(0);
  });

  it('links on replica 1, shows it on 2 and 3; suppresses on 2, refuses on 1 and 3, each within a second', async () => {
    const [, a, b, c] = contacts();
    for (const url of [urls[1]!, urls[2]!]) await gql(url, IDENTITY, { id: b });
    const linked = await gql<{ linkRecords: { kind: string } }>(urls[0]!, `mutation($a: SourceRecordInput!, $b: SourceRecordInput!) { linkRecords(a: $a, b: $b, reason: "same person") { kind } }`, { a: { source: 'salesforce', id: a }, b: { source: 'salesforce', id: b } });
    expect(linked.data?.linkRecords.kind).toBe('LINK');
    for (const url of [urls[1]!, urls[2]!]) {
      await within(1_000, async () => {
        const links = (await gql<Links>(url, IDENTITY, { id: b })).data!.customerBySource!.identity.links;
        expect(links.map((l) => l.id)).toEqual(expect.arrayContaining([a, b]));
      });
    }
    const customerId = (await gql<Links>(urls[0]!, IDENTITY, { id: c })).data!.customerBySource!.id;
    for (const url of [urls[0]!, urls[2]!]) expect((await gql(url, `query($id: ID!) { customer(id: $id) { id } }`, { id: customerId })).errors).toBeUndefined();
    const suppressed = await gql<{ suppressPerson: { kind: string } }>(urls[1]!, `mutation($id: ID!) { suppressPerson(customerId: $id, reason: "erasure #9") { kind } }`, { id: customerId });
    expect(suppressed.data?.suppressPerson.kind).toBe('SUPPRESS');
    for (const url of [urls[0]!, urls[2]!]) {
      await within(1_000, async () => {
        const gone = await gql(url, `query($id: ID!) { customer(id: $id) { id displayName } }`, { id: customerId });
        expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      });
    }
  });
});
