import { pino, type Logger } from 'pino';
import { createHttpClient, type HttpClient } from '../../../src/adapters/http.js';
import type { SourceAdapter } from '../../../src/adapters/types.js';
import { createZendeskAdapter, type ZendeskAdapterOptions, type ZendeskCredentials, zendeskHeaders } from '../../../src/adapters/zendesk/index.js';
import type { SandboxDataset } from '../../../src/sandbox/dataset/types.js';
import type { FakeServer } from '../../../src/sandbox/fakeTypes.js';
import { startZendeskSandbox } from '../../../src/sandbox/zendesk/index.js';
import { AGENT_EMAIL, API_TOKEN, FIXTURE } from '../../sandbox/zendesk/zendeskFixture.js';

/** A sandbox on loopback with a real HTTP client and the adapter pointed at it. */
export interface AdapterHarness {
  readonly server: FakeServer;
  readonly http: HttpClient;
  readonly adapter: SourceAdapter;
  /** Lines the adapter logged (parsed pino JSON). */
  readonly logs: Array<Record<string, unknown>>;
  /** The adapter's ticketsByOwner (always present for Zendesk). */
  tickets: NonNullable<SourceAdapter['ticketsByOwner']>;
  close(): Promise<void>;
}

/** Options of {@link startAdapterHarness}. */
export interface HarnessOptions {
  readonly dataset?: SandboxDataset;
  readonly adapter?: Partial<Omit<ZendeskAdapterOptions, 'http' | 'logger'>>;
  /** HTTP client timeout in ms; default 2 000. */
  readonly timeoutMs?: number;
  readonly credentials?: ZendeskCredentials;
}

/** Starts the Zendesk sandbox and an adapter named `zd` over a real loopback HTTP client. */
export async function startAdapterHarness(options: HarnessOptions = {}): Promise<AdapterHarness> {
  const server = await startZendeskSandbox(options.dataset ?? FIXTURE);
  const http = createHttpClient({
    source: 'zd',
    baseUrl: server.origin,
    headers: zendeskHeaders(options.credentials ?? { email: AGENT_EMAIL, apiToken: API_TOKEN }),
    timeoutMs: options.timeoutMs ?? 2_000,
  });
  const logs: Array<Record<string, unknown>> = [];
  const logger: Logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const adapter = createZendeskAdapter({ name: 'zd', http, logger, ...options.adapter });
  const { ticketsByOwner } = adapter;
  if (!ticketsByOwner) throw new Error('the Zendesk adapter must serve tickets');
  return {
    server,
    http,
    adapter,
    logs,
    tickets: ticketsByOwner,
    async close() {
      http.close();
      await server.close();
    },
  };
}
