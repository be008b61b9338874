import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { DEV_API_KEY, hashApiKey } from '../src/auth/index.js';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDataset, findShowcasePerson } from '../src/sandbox/dataset/index.js';
import { startSandbox } from '../src/sandbox/index.js';

// `npm test` builds before running tests, so this is the same binary `npm start` runs.
const CLI = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
const running: ChildProcessWithoutNullStreams[] = [];

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  // Without vitest's NODE_ENV=test: the CLI runs as users run it (NODE_ENV unset, so production).
  const { NODE_ENV: _vitestEnv, ...inherited } = process.env;
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...inherited, ...env } });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms = 15_000): Promise<RegExpMatchArray> => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const m = stdout.match(pattern);
      if (m) return m;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no ${pattern} in output:\n${stdout}\n${stderr}`);
  };
  return { child, exited, waitFor, out: () => stdout, err: () => stderr };
}

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

async function lookup(url: string, q: string, token: string): Promise<{ status: string; customer: { identity: { links: Array<{ source: string }> } } | null }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'query($q: String!) { customerLookup(query: $q) { status customer { identity { links { source } } } } }', variables: { q } }),
  });
  return ((await res.json()) as { data: { customerLookup: never } }).data.customerLookup;
}

describe('cli: c360 demo', () => {
  it('starts sandbox + gateway on a free port, prints working examples, and stops cleanly on Ctrl-C', async () => {
    const demo = run(['demo', '--port', '0', '--size', '120', '--seed', '5']);
    const [, url] = await demo.waitFor(/GraphQL\s+(http:\/\/127\.0\.0\.1:\d+\/graphql)/);
    await demo.waitFor(/Press Ctrl-C/);
    const [, token] = await demo.waitFor(/Token\s+(\S+\.\S+\.\S+)/);
    expect(demo.out()).toMatch(/1\) By email/);
    expect(demo.out()).toMatch(/2\) By phone/);
    expect(demo.out()).toMatch(/3\) By source id/);
    // The declarative sources: HubSpot always (kind: rest over its fake), billing when PostgreSQL answers, said either way.
    expect(demo.out()).toMatch(/hubspot\s+http:\/\/127\.0\.0\.1:\d+\s+\(kind: rest, configured in YAML only\)/);
    expect(demo.out()).toMatch(/Billing\s+(PostgreSQL 127\.0\.0\.1:5432\/test, schema c360_demo_billing_\d+|not added: PostgreSQL not reachable)/);
    const show = findShowcasePerson(generateDataset({ size: 120, seed: 5 }));
    const found = await lookup(url!, show.contact.email!, token!);
    expect(found.status).toBe('MATCHED');
    // The showcase person is in the three vendor systems; HubSpot and billing add themselves where they hold the person.
    expect([...new Set(found.customer!.identity.links.map((l) => l.source))]).toEqual(expect.arrayContaining(['salesforce', 'shopify', 'zendesk']));
    // The printed change-webhook example works: the new email is unknown, the Shopify fake changes the customer
    // and sends its webhook, and the same lookup then finds the customer (the crosswalk kept NOT_FOUND otherwise).
    const [, putUrl, putBody] = await demo.waitFor(/curl -s -X PUT (\S+) -H 'x-shopify-access-token: shpat_sandbox' -H 'content-type: application\/json' -d '(.+)'/);
    const newEmail = (JSON.parse(putBody!) as { customer: { email: string } }).customer.email;
    expect((await lookup(url!, newEmail, token!)).status).toBe('NOT_FOUND');
    expect((await fetch(putUrl!, { method: 'PUT', headers: { 'x-shopify-access-token': 'shpat_sandbox', 'content-type': 'application/json' }, body: putBody })).status).toBe(200);
    let moved = await lookup(url!, newEmail, token!);
    for (const end = Date.now() + 10_000; moved.status !== 'MATCHED' && Date.now() < end; moved = await lookup(url!, newEmail, token!)) await new Promise((r) => setTimeout(r, 50));
    expect(moved.status).toBe('MATCHED');
    expect(moved.customer!.identity.links.map((l) => l.source)).toContain('shopify');
    // The demo's state (loyalty CSV, overrides) is in its own temporary folder, gone once it stops.
    const [, stateDir] = await demo.waitFor(/State\s+(\S+)/);
    expect(stateDir!.startsWith(join(tmpdir(), 'c360-demo-'))).toBe(true);
    expect(existsSync(join(stateDir!, 'loyalty.csv'))).toBe(true);
    demo.child.kill('SIGINT');
    expect(await demo.exited).toBe(0);
    expect(demo.out()).toContain('stopped.');
    expect(existsSync(stateDir!)).toBe(false);
  });
});

describe('cli: c360 serve', () => {
  it('serves the sources in a config file', async () => {
    const sandbox = await startSandbox({ size: 60, seed: 3 });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'c360-cli-'));
      const file = join(dir, 'c360.yaml');
      const sources = sandbox.sourceConfigs().map((s) => `  - { name: ${s.name}, kind: ${s.kind}, baseUrl: "${s.baseUrl}" }`);
      writeFileSync(file, `server: { port: 0 }\nlogging: { level: warn }\nauth:\n  apiKeys:\n    - { name: ci, role: admin, sha256: ${hashApiKey(DEV_API_KEY)} }\nsources:\n${sources.join('\n')}\n`);
      const serve = run(['serve', '--config', file], { SALESFORCE_ACCESS_TOKEN: 'sandbox-salesforce-token', SHOPIFY_ACCESS_TOKEN: 'shpat_sandbox', ZENDESK_EMAIL: 'agent@sandbox.example', ZENDESK_API_TOKEN: 'sandbox-zendesk-token' });
      const [, url] = await serve.waitFor(/listening on (http:\/\/\S+\/graphql)/);
      const show = findShowcasePerson(sandbox.dataset);
      expect((await lookup(url!, show.person.phone, DEV_API_KEY)).status).toBe('MATCHED');
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
    } finally {
      await sandbox.close();
    }
  });

  it('fails fast with exit 2 and names the bad key and value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c360-cli-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'sources:\n  - { name: crm, kind: salesforce, baseUrl: "not a url" }\n');
    const serve = run(['serve', '--config', file]);
    expect(await serve.exited).toBe(2);
    expect(serve.err()).toContain('sources[0].baseUrl');
    expect(serve.err()).toContain('"not a url"');
  });

  it('rejects unknown commands and bad flags with usage and exit 2', async () => {
    const bad = run(['launch']);
    expect(await bad.exited).toBe(2);
    expect(bad.err()).toContain('usage:');
    const port = run(['demo', '--port', 'x']);
    expect(await port.exited).toBe(2);
    expect(port.err()).toContain('--port must be an integer');
  });
});

describe('cli: c360 sandbox', () => {
  it('prints the three base URLs, which answer in the vendors\' formats', async () => {
    const sandbox = run(['sandbox', '--size', '30']);
    const [, sf] = await sandbox.waitFor(/salesforce\s+(http:\/\/127\.0\.0\.1:\d+)/);
    await sandbox.waitFor(/zendesk\s+(http:\/\/127\.0\.0\.1:\d+)/);
    const versions = (await (await fetch(`${sf}/services/data/`)).json()) as Array<{ version: string }>;
    expect(versions[0]!.version).toMatch(/^\d+\.\d$/);
    sandbox.child.kill('SIGINT');
    expect(await sandbox.exited).toBe(0);
  });

  it('with --webhooks-to sends the fakes\' signed change webhooks to that gateway and prints the secrets', async () => {
    const sandbox = run(['sandbox', '--size', '30', '--webhooks-to', 'http://127.0.0.1:4999']);
    await sandbox.waitFor(/Change webhooks go to http:\/\/127\.0\.0\.1:4999\/webhooks\/\{shopify,zendesk,salesforce\}/);
    expect(sandbox.out()).toContain('SHOPIFY_WEBHOOK_SECRET=sandbox-shopify-webhook-secret');
    sandbox.child.kill('SIGINT');
    expect(await sandbox.exited).toBe(0);
    const bad = run(['sandbox', '--webhooks-to', 'not a url']);
    expect(await bad.exited).toBe(2);
  });
});

describe('cli: c360 sandbox linkage', () => {
  // Two CLI start-ups at once; a generous bound because the machine may be busy (not a timing assertion).
  it('writes a seeded benchmark and prints the config path; without --out it exits 2 with usage', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c360-cli-linkage-'));
    const gen = run(['sandbox', 'linkage', '--out', dir, '--size', '60', '--seed', '4']);
    const missing = run(['sandbox', 'linkage', '--size', '60']);
    expect(await gen.exited).toBe(0);
    expect(gen.out()).toContain(`Config: ${join(dir, 'c360.linkage.yaml')}`);
    expect(gen.out()).toMatch(/support\.csv\s+\d+ records/);
    expect(await missing.exited).toBe(2);
    expect(missing.err()).toContain('sandbox linkage needs --out <dir>');
    await (await import('node:fs/promises')).rm(dir, { recursive: true, force: true });
  });
});

describe('cli: graceful shutdown', () => {
  it('on SIGTERM, `c360 serve` refuses new connections, answers every request in flight, prints "stopped." and exits 0', async () => {
    const sandbox = await startSandbox({ size: 60, seed: 3 });
    try {
      // Every Salesforce call takes 1.5 s, so the lookups are still running when the signal comes.
      sandbox.salesforce.addFault({ delayMs: 1_500 });
      const dir = mkdtempSync(join(tmpdir(), 'c360-cli-'));
      const file = join(dir, 'c360.yaml');
      const sources = sandbox.sourceConfigs().map((s) => `  - { name: ${s.name}, kind: ${s.kind}, baseUrl: "${s.baseUrl}", timeoutMs: 5000 }`);
      writeFileSync(file, `server: { port: 0, deadlineMs: 15000, shutdownGraceMs: 12000 }\nlogging: { level: warn }\nauth:\n  apiKeys:\n    - { name: ci, role: admin, sha256: ${hashApiKey(DEV_API_KEY)} }\nsources:\n${sources.join('\n')}\n`);
      const serve = run(['serve', '--config', file], { SALESFORCE_ACCESS_TOKEN: 'sandbox-salesforce-token', SHOPIFY_ACCESS_TOKEN: 'shpat_sandbox', ZENDESK_EMAIL: 'agent@sandbox.example', ZENDESK_API_TOKEN: 'sandbox-zendesk-token' });
      const [, url] = await serve.waitFor(/listening on (http:\/\/\S+\/graphql)/);
      const emails = sandbox.dataset.salesforce.contacts.flatMap((c) => (c.email ? [c.email] : [])).slice(0, 3);
      const answers = emails.map(async (email) => {
        const res = await fetch(url!, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': DEV_API_KEY },
          body: JSON.stringify({ query: 'query($q: String!) { customerLookup(query: $q) { status } }', variables: { q: email } }),
        });
        return { status: res.status, body: (await res.json()) as { errors?: unknown[]; extensions: { sources: Array<{ name: string; status: string }> } } };
      });
      // Signal once all three lookups have reached Salesforce (they are then held there by the delay).
      const until = Date.now() + 10_000;
      while (sandbox.salesforce.requests().length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(sandbox.salesforce.requests().length).toBeGreaterThanOrEqual(3);
      serve.child.kill('SIGTERM');
      await serve.waitFor(/SIGTERM received/);
      // No new connections while draining.
      await expect(fetch(url!.replace('/graphql', '/readyz'))).rejects.toThrow();
      const settled = await Promise.all(answers);
      for (const { status, body } of settled) {
        expect(status, JSON.stringify(body)).toBe(200);
        expect(body.errors, JSON.stringify(body)).toBeUndefined();
        expect(body.extensions.sources.find((s) => s.name === 'salesforce')?.status, JSON.stringify(body)).toBe('OK');
      }
      expect(await serve.exited, serve.out() + serve.err()).toBe(0);
      expect(serve.out()).toContain('stopped.');
    } finally {
      await sandbox.close();
    }
  }, 40_000);
});
