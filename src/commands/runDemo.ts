import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevJwtSigner, DEV_API_KEY, devAuthConfig } from '../auth/index.js';
import { parseConfig } from '../config.js';
import { findShowcasePerson } from '../sandbox/dataset/index.js';
import { SANDBOX_WEBHOOK_ENV, startSandbox } from '../sandbox/index.js';
import { seedBillingDatabase, type BillingDatabase } from '../sandbox/billing/index.js';
import { hubspotSourceConfig, startHubSpotSandbox } from '../sandbox/hubspot/index.js';
import { createServer } from '../server.js';
import { demoExamples } from './demoExamples.js';
import { waitForShutdown } from './waitForShutdown.js';

/** Options of {@link runDemo}. */
export interface RunDemoOptions {
  /** Gateway port; default 4000, 0 picks a free one. */
  readonly port?: number | undefined;
  readonly host?: string | undefined;
  readonly size?: number | undefined;
  readonly seed?: number | undefined;
  readonly logLevel?: string | undefined;
}

/** `c360 demo` (`npm start`): sandbox + gateway wired together, printing the URL and example queries. */
export async function runDemo(options: RunDemoOptions, print: (line: string) => void): Promise<void> {
  // The demo's state lives in one temporary folder, removed on exit: the loyalty CSV (the fourth source, served
  // by the `kind: file` adapter) and the identity overrides, so links made in one run never leak into the next.
  const stateDir = mkdtempSync(join(tmpdir(), 'c360-demo-'));
  const removeState = (): void => rmSync(stateDir, { recursive: true, force: true });
  const loyaltyPath = join(stateDir, 'loyalty.csv');
  let sandbox;
  try {
    sandbox = await startSandbox({ loyalty: { path: loyaltyPath }, ...(options.size === undefined ? {} : { size: options.size }), ...(options.seed === undefined ? {} : { seed: options.seed }) });
  } catch (error) {
    removeState();
    throw error;
  }
  let gateway;
  const extras: Array<() => Promise<void>> = [];
  const closeExtras = async () => {
    for (const close of extras.reverse()) await close().catch(() => undefined);
  };
  try {
    // Fifth source: HubSpot CRM contacts, configured as `kind: rest` only (examples/sources/hubspot.rest.yaml).
    const hubspot = await startHubSpotSandbox(sandbox.dataset);
    extras.push(() => hubspot.close());
    // Sixth: a billing system in PostgreSQL (`kind: postgres`), when a database answers (libpq PG* variables).
    const pgConnection = { host: process.env.PGHOST ?? '127.0.0.1', port: Number(process.env.PGPORT ?? 5432), database: process.env.PGDATABASE ?? 'test', user: process.env.PGUSER ?? 'postgres', ...(process.env.PGPASSWORD ? { password: process.env.PGPASSWORD } : {}) };
    let billing: BillingDatabase | null = null;
    let billingNote: string;
    try {
      billing = await seedBillingDatabase(sandbox.dataset, { connection: pgConnection, schema: `c360_demo_billing_${process.pid}`, connectTimeoutMs: 1_500 });
      const seeded = billing;
      extras.push(() => seeded.drop());
      billingNote = `PostgreSQL ${pgConnection.host}:${pgConnection.port}/${pgConnection.database}, schema ${billing.schema} (${billing.truth.length} accounts; dropped at exit)`;
    } catch (error) {
      billingNote = `not added: PostgreSQL not reachable at ${pgConnection.host}:${pgConnection.port}/${pgConnection.database} (${(error as Error).message || String(error)}); set PGHOST/PGPORT/PGDATABASE/PGUSER to use one`;
    }
    const billingSource = billing ? [{ ...billing.source, ...(pgConnection.password ? { connection: { ...(billing.source.connection as object), passwordEnv: 'PGPASSWORD' } } : {}) }] : [];
    // A fresh ES256 key per run: demo tokens die with the process; the dev API key is documented (README).
    const signer = await createDevJwtSigner();
    // Built through parseConfig so the demo obeys the same validation (and C360_* overrides) as `serve`.
    const config = parseConfig({
      server: { port: options.port ?? 4000, host: options.host ?? '127.0.0.1', introspection: true },
      logging: { level: options.logLevel ?? 'warn' },
      sources: [...sandbox.sourceConfigs().map(({ credentials: _credentials, ...source }) => source), ...(sandbox.loyalty ? [sandbox.loyalty.source] : []), hubspotSourceConfig(hubspot.origin), ...billingSource],
      // Overrides (link/unlink/suppress mutations) are on in the demo, kept in the run's temporary folder.
      identity: { identifiers: ['loyaltyNumber'], overrides: { enabled: true, file: join(stateDir, 'overrides.json') } },
      auth: devAuthConfig(signer.publicJwk),
      // Audit events (PII reads) go to a file so they don't interleave with the demo's output.
      audit: { sink: 'file', file: join('.c360', 'audit.log') },
      // The vendor fakes send signed change webhooks to the gateway (secrets: the sandbox's, see SANDBOX_WEBHOOK_ENV).
      webhooks: { shopify: {}, zendesk: {}, salesforce: {} },
    }, { ...process.env, ...SANDBOX_WEBHOOK_ENV, SALESFORCE_ACCESS_TOKEN: 'sandbox-salesforce-token', SHOPIFY_ACCESS_TOKEN: 'shpat_sandbox', ZENDESK_EMAIL: 'agent@sandbox.example', ZENDESK_API_TOKEN: 'sandbox-zendesk-token', HUBSPOT_ACCESS_TOKEN: 'pat-sandbox-hubspot' }, 'demo config');
    gateway = createServer(config);
    const url = await gateway.start();
    sandbox.sendWebhooksTo(new URL(url).origin);
    print('');
    print('c360-gateway demo is running.');
    print('');
    print(`  GraphQL   ${url}   (POST JSON, or open it in a browser for GraphiQL, served locally)`);
    print(`  Console   ${new URL('/console', url).href}   (agent console: sign in with a token or the API key below)`);
    const adminToken = await signer.sign('admin', 'demo-admin');
    const agentToken = await signer.sign('agent', 'demo-agent');
    print(`  Token     ${adminToken}`);
    print('            (admin JWT, 12 h: send "authorization: Bearer <token>"; every request needs a credential)');
    print(`  Agent     ${agentToken}`);
    print('            (agent JWT: PII masked, no segments/consent)');
    print(`  API key   ${DEV_API_KEY}   (admin; dev only, also as "x-api-key")`);
    print('  Audit     .c360/audit.log (one JSON line per request that read PII)');
    print(`  State     ${stateDir} (loyalty CSV, identity overrides; removed when the demo stops)`);
    print(`  Sandbox   ${sandbox.dataset.size} synthetic people, seed ${sandbox.dataset.seed}`);
    for (const source of config.sources) print(`            ${source.name.padEnd(11)}${source.baseUrl}${source.kind === 'rest' || source.kind === 'postgres' ? `   (kind: ${source.kind}, configured in YAML only)` : ''}`);
    print(`  Billing   ${billingNote}`);
    print(`  Webhooks  ${new URL('/webhooks/', url).href}{shopify,zendesk,salesforce} (the Shopify, Zendesk and Salesforce fakes send signed change webhooks here)`);
    print('');
    demoExamples(sandbox.dataset).forEach((example, index) => {
      print(`${index + 1}) ${example.title}`);
      print(example.query);
      print(`   curl -s ${url} -H 'content-type: application/json' -H 'authorization: Bearer ${adminToken}' -d '${JSON.stringify({ query: example.query.replace(/\s+/g, ' ') }).replace(/'/g, "'\\''")}'`);
      print('');
    });
    const show = findShowcasePerson(sandbox.dataset);
    const newEmail = `${(show.customer.firstName ?? 'customer').toLowerCase().replace(/[^a-z]/g, '') || 'customer'}.moved@example.net`;
    print(`${demoExamples(sandbox.dataset).length + 1}) Change webhooks: give Shopify customer ${show.customer.id} a new email in the Shopify fake; it sends a signed`);
    print('   customers/update webhook to /webhooks/shopify, and a lookup by the new email finds the customer within a second');
    print(`   (look it up first: NOT_FOUND, which the crosswalk would otherwise keep for identity.cacheTtlMs)`);
    print(`   curl -s -X PUT ${sandbox.shopify.origin}/admin/api/2025-10/customers/${show.customer.id}.json -H 'x-shopify-access-token: shpat_sandbox' -H 'content-type: application/json' -d '${JSON.stringify({ customer: { email: newEmail } })}'`);
    print(`   curl -s ${url} -H 'content-type: application/json' -H 'authorization: Bearer ${adminToken}' -d '${JSON.stringify({ query: `{ customerLookup(query: "${newEmail}") { status customer { id displayName emails { value sources { source id } } } } }` })}'`);
    print('');
    print('Press Ctrl-C to stop.');
  } catch (error) {
    await gateway?.stop();
    await closeExtras();
    await sandbox.close();
    removeState();
    throw error;
  }
  const running = gateway;
  const started = sandbox;
  await waitForShutdown(async () => {
    try {
      await running.stop();
      await closeExtras();
      await started.close();
    } finally {
      removeState();
    }
  }, print);
}
