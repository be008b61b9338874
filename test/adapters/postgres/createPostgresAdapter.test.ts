import { Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresAdapter, postgresSourceSchema } from '../../../src/adapters/postgres/index.js';
import type { SourceAdapter } from '../../../src/adapters/types.js';
import { generateDataset } from '../../../src/sandbox/dataset/index.js';
import { seedBillingDatabase, type BillingDatabase } from '../../../src/sandbox/billing/index.js';
import { probePostgres, TEST_PG, uniqueSchema } from '../../support/postgresTestDatabase.js';

const probe = await probePostgres();
const dataset = generateDataset({ size: 60, seed: 5 });

describe.skipIf(!probe.ok)(`createPostgresAdapter: against PostgreSQL on ${TEST_PG.host}:${TEST_PG.port}${probe.ok ? '' : ` (skipped: ${probe.reason})`}`, () => {
  let db: BillingDatabase;
  let adapter: SourceAdapter;
  const statements: string[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _e, done) => void (statements.push(chunk.toString('utf8')), done()) }));
  const admin = new pg.Client(TEST_PG);
  const adapterFor = (overrides: Record<string, unknown>) => createPostgresAdapter({ settings: postgresSourceSchema.parse({ ...db.source, ...overrides }) });

  beforeAll(async () => {
    db = await seedBillingDatabase(dataset, { connection: TEST_PG, schema: uniqueSchema('c360_pgadapter') });
    adapter = createPostgresAdapter({ settings: postgresSourceSchema.parse(db.source), logger });
    await admin.connect();
  });
  afterAll(async () => {
    await adapter?.close?.();
    await admin.end();
    await db?.drop();
    const left = await probeSchema(db?.schema);
    expect(left).toBe(0);
  });

  async function probeSchema(schema: string | undefined): Promise<number> {
    if (!schema) return 0;
    const client = new pg.Client(TEST_PG);
    await client.connect();
    const res = await client.query('SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = $1', [schema]);
    await client.end();
    return (res.rows[0] as { n: number }).n;
  }

  const person = (id: string) => dataset.people.find((p) => p.personId === db.truth.find((t) => t.id === id)!.personId)!;

  it('gets records by id in key order with null for unknown ids, mapping columns onto the identity record', async () => {
    const [a, b] = db.truth;
    const records = await adapter.getByIds([b!.id, 'cus_nope', a!.id], {});
    expect(records.map((r) => (r && !(r instanceof Error) ? r.ref.id : r))).toEqual([b!.id, null, a!.id]);
    const first = records[2] as Exclude<(typeof records)[number], Error | null>;
    const p = person(a!.id);
    expect(first.names[0]!.family!.toLowerCase()).toBe(p.familyName.toLowerCase());
    expect(first.phones).toEqual([p.phone]);
    expect(first.birthDate).toBe(p.birthDate);
    expect(first.identifiers.billingAccount).toMatch(/^ACC-\d{6}$/);
    expect(first.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(first.addresses[0]).toMatchObject({ city: p.address.city, postcode: p.address.postcode });
  });

  it('searches each key kind with one statement per kind, rows assigned to keys by key_index, [] for a kind without a statement', async () => {
    const withEmail = db.truth.map((t) => ({ t, p: person(t.id) })).filter(({ p }) => p.email !== null);
    const [x, y] = withEmail;
    const before = await statementCount();
    const found = await adapter.search(
      [
        { kind: 'phone', value: y!.p.phone },
        { kind: 'email', value: 'nobody@example.invalid' },
        { kind: 'name', family: y!.p.familyName.toLowerCase(), given: y!.p.givenName.toLowerCase() },
        { kind: 'identifier', type: 'billingAccount', value: 'ACC-999999' },
        { kind: 'phone', value: x!.p.phone },
      ],
      {},
    );
    const ids = found.map((r) => (Array.isArray(r) ? r.map((rec) => rec.ref.id) : r));
    expect(ids[0]).toEqual([y!.t.id]);
    expect(ids[1]).toEqual([]);
    expect(ids[2]).toContain(y!.t.id);
    expect(ids[3]).toEqual([]);
    expect(ids[4]).toEqual([x!.t.id]);
    // phone (2 keys), email, name, identifier: 4 statements, each in its own read-only transaction.
    expect((await statementCount()) - before).toBe(4);
    const noName = adapterFor({ search: { email: (db.source.search as Record<string, string>).email } });
    expect(await noName.search([{ kind: 'name', family: 'x', given: null }], {})).toEqual([[]]);
    await noName.close?.();
  });

  it('lists invoices as orders per owner, newest first, [] for an owner without any', async () => {
    const withInvoices = [...db.invoiceCounts].filter(([, n]) => n >= 2).map(([id]) => id);
    const without = [...db.invoiceCounts].find(([, n]) => n === 0)![0];
    const orders = await adapter.ordersByOwner!([withInvoices[0]!, without], {});
    const list = orders[0] as Array<{ createdAt: string; total: { currencyCode: string }; ownerRef: { id: string } }>;
    expect(list).toHaveLength(db.invoiceCounts.get(withInvoices[0]!)!);
    expect(list.map((o) => o.createdAt)).toEqual([...list.map((o) => o.createdAt)].sort().reverse());
    expect(list[0]!.total.currencyCode).toBe('USD');
    expect(list[0]!.ownerRef.id).toBe(withInvoices[0]);
    expect(orders[1]).toEqual([]);
  });

  it('runs statements read-only: a writing statement fails with SOURCE_REJECTED and changes nothing', async () => {
    const writer = adapterFor({ getByIds: `UPDATE ${db.schema}.customers SET last_name = 'X' WHERE id = ANY($ids::text[]) RETURNING *` });
    await expect(writer.getByIds([db.truth[0]!.id], {})).rejects.toMatchObject({ code: 'SOURCE_REJECTED', vendorCode: '25006' });
    await writer.close?.();
    const res = await admin.query(`SELECT count(*)::int AS n FROM ${db.schema}.customers WHERE last_name = 'X'`);
    expect((res.rows[0] as { n: number }).n).toBe(0);
  });

  it('stops a statement at the request deadline with SOURCE_TIMEOUT', async () => {
    const slow = adapterFor({ getByIds: `SELECT (SELECT pg_sleep(2))::text AS slept, c.* FROM ${db.schema}.customers c WHERE c.id = ANY($ids::text[])` });
    const started = Date.now();
    await expect(slow.getByIds([db.truth[0]!.id], { deadlineAt: Date.now() + 150 })).rejects.toMatchObject({ code: 'SOURCE_TIMEOUT', vendorCode: '57014' });
    expect(Date.now() - started).toBeLessThan(1_500);
    await slow.close?.();
  });

  it.each([
    ['an unknown table', `SELECT * FROM nowhere.customers WHERE id = ANY($ids::text[])`, 'SOURCE_REJECTED', /42P01.*nowhere/],
    ['a result without the id column', `SELECT first_name FROM ${'%s'}.customers WHERE id = ANY($ids::text[])`, 'SOURCE_BAD_RESPONSE', /id column/],
  ])('maps %s to %s', async (_label, sql, code, message) => {
    const broken = adapterFor({ getByIds: sql.replace('%s', db.schema) });
    await expect(broken.getByIds([db.truth[0]!.id], {})).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    await broken.close?.();
  });

  it('fails with SOURCE_UNAVAILABLE when the server refuses connections, and SOURCE_AUTH_FAILED for an unknown role', async () => {
    const refused = adapterFor({ connection: { ...TEST_PG, port: 1 } });
    await expect(refused.getByIds(['x'], {})).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    await refused.close?.();
    const stranger = adapterFor({ connection: { ...TEST_PG, user: 'c360_no_such_role' } });
    await expect(stranger.getByIds(['x'], {})).rejects.toMatchObject({ code: 'SOURCE_AUTH_FAILED', vendorCode: '28000' });
    await stranger.close?.();
  });

  async function statementCount(): Promise<number> {
    return statements.filter((line) => line.includes('"postgres statement"')).length;
  }
});
