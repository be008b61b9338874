import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { createFileAdapter } from '../../src/adapters/file/index.js';
import { createPostgresAdapter, postgresSourceSchema } from '../../src/adapters/postgres/index.js';
import type { SourceAdapter } from '../../src/adapters/types.js';
import { seedBillingDatabase, type BillingDatabase } from '../../src/sandbox/billing/index.js';
import { generateDataset } from '../../src/sandbox/dataset/index.js';
import { hubspotSourceConfig, startHubSpotSandbox, type HubSpotSandbox } from '../../src/sandbox/hubspot/index.js';
import { probePostgres, TEST_PG, uniqueSchema } from '../support/postgresTestDatabase.js';
import { restAdapter } from './rest/restAdapterHarness.js';
import { itKeepsThePortContract } from './sourceAdapterContract.js';

const dataset = generateDataset({ size: 60, seed: 13 });
const probe = await probePostgres();
const personOf = (personId: string) => dataset.people.find((p) => p.personId === personId)!;

describe('SourceAdapter contract: kind rest (HubSpot config over the HubSpot fake)', () => {
  let hubspot: HubSpotSandbox;
  let adapter: ReturnType<typeof restAdapter>;
  beforeAll(async () => {
    hubspot = await startHubSpotSandbox(dataset);
    adapter = restAdapter(hubspotSourceConfig(hubspot.origin), { token: 'pat-sandbox-hubspot' });
  });
  afterAll(async () => {
    await adapter.close();
    await hubspot.close();
  });
  itKeepsThePortContract({
    adapter: () => adapter,
    ids: () => [hubspot.portal.truth[0]!.id, hubspot.portal.truth[1]!.id],
    findsFirst: () => ({ kind: 'phone', value: personOf(hubspot.portal.truth[0]!.personId).phone }),
  });
});

describe.skipIf(!probe.ok)(`SourceAdapter contract: kind postgres (billing schema)${probe.ok ? '' : ` (skipped: ${probe.reason})`}`, () => {
  let db: BillingDatabase;
  let adapter: SourceAdapter;
  beforeAll(async () => {
    db = await seedBillingDatabase(dataset, { connection: TEST_PG, schema: uniqueSchema('c360_contract') });
    adapter = createPostgresAdapter({ settings: postgresSourceSchema.parse(db.source) });
  });
  afterAll(async () => {
    await adapter?.close?.();
    await db?.drop();
  });
  itKeepsThePortContract({
    adapter: () => adapter,
    ids: () => [db.truth[0]!.id, db.truth[1]!.id],
    findsFirst: () => ({ kind: 'phone', value: personOf(db.truth[0]!.personId).phone }),
    ownerWithOrders: () => [...db.invoiceCounts].find(([, n]) => n > 0)![0],
  });
});

describe('SourceAdapter contract: kind file (loyalty CSV)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'c360-contract-'));
  const path = join(dir, 'people.csv');
  writeFileSync(path, 'id,first,last,phone\nL1,Ana,Diaz,+14155550101\nL2,Bo,Roe,+14155550102\n');
  const adapter = createFileAdapter({ settings: { name: 'loyalty', kind: 'file', path, columns: { id: 'id', givenName: 'first', familyName: 'last', emails: [], phones: ['phone'], identifiers: {} } } });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  itKeepsThePortContract({ adapter: () => adapter, ids: () => ['L1', 'L2'], findsFirst: () => ({ kind: 'phone', value: '+14155550101' }) });
});
