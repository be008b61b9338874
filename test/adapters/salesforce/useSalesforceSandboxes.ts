import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { HttpClient } from '../../../src/adapters/http.js';
import type { SandboxDataset } from '../../../src/sandbox/dataset/types.js';
import type { FakeServer } from '../../../src/sandbox/fakeTypes.js';
import { startSalesforceSandbox } from '../../../src/sandbox/salesforce/index.js';

/**
 * The Salesforce adapter tests' lifecycle: two SOQL fakes over one dataset (the second answers two records
 * per query page), handed to `use` once started, request logs reset before each test, the test's HTTP
 * clients (pushed into `clients`) closed after it, both fakes closed at the end.
 */
export function useSalesforceSandboxes(dataset: () => SandboxDataset, accessToken: string, clients: HttpClient[], use: (server: FakeServer, paged: FakeServer) => void): void {
  let fakes: readonly [FakeServer, FakeServer] | null = null;
  beforeAll(async () => {
    const data = dataset();
    fakes = [await startSalesforceSandbox(data, { accessToken }), await startSalesforceSandbox(data, { accessToken, batchSize: 2 })];
    use(...fakes);
  });
  afterAll(async () => {
    await Promise.all((fakes ?? []).map((fake) => fake.close()));
  });
  beforeEach(() => {
    for (const fake of fakes ?? []) fake.reset();
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
}
