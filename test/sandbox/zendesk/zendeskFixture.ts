import type { SandboxDataset, ZendeskTicket, ZendeskUser } from '../../../src/sandbox/dataset/types.js';
import type { FakeRequest, FakeServer } from '../../../src/sandbox/fakeTypes.js';

/** Credentials the sandbox accepts by default. */
export const AGENT_EMAIL = 'agent@sandbox.example';
export const API_TOKEN = 'sandbox-zendesk-token';
export const BASIC_AUTH = `Basic ${Buffer.from(`${AGENT_EMAIL}/token:${API_TOKEN}`).toString('base64')}`;

/** A Zendesk user with dull defaults; tests state the fields they rely on. */
export function zendeskUser(fields: Partial<ZendeskUser> & Pick<ZendeskUser, 'id' | 'name'>): ZendeskUser {
  return {
    email: null,
    phone: null,
    externalId: null,
    organizationId: null,
    role: 'end-user',
    active: true,
    verified: true,
    tags: [],
    timeZone: 'Pacific Time (US & Canada)',
    locale: 'en-US',
    createdAt: '2024-01-10T09:00:00.000Z',
    updatedAt: '2024-05-02T08:30:00.000Z',
    ...fields,
  };
}

/** A Zendesk ticket with dull defaults. */
export function zendeskTicket(fields: Partial<ZendeskTicket> & Pick<ZendeskTicket, 'id' | 'requesterId'>): ZendeskTicket {
  return {
    submitterId: fields.requesterId,
    assigneeId: null,
    subject: `Ticket ${fields.id}`,
    description: 'Details',
    status: 'open',
    priority: 'normal',
    type: 'question',
    tags: [],
    channel: 'email',
    createdAt: '2024-05-01T12:00:00.000Z',
    updatedAt: '2024-05-02T08:30:00.000Z',
    ...fields,
  };
}

/** A dataset holding only Zendesk records. */
export function zendeskDataset(users: readonly ZendeskUser[], tickets: readonly ZendeskTicket[] = []): SandboxDataset {
  return {
    seed: 1,
    size: users.length,
    now: '2026-11-01T00:00:00.000Z',
    people: [],
    salesforce: { accounts: [], contacts: [], cases: [], tasks: [] },
    shopify: { customers: [], orders: [] },
    zendesk: { users, tickets },
    truth: [],
  };
}

/** The hand-written world most tests use. */
export const FIXTURE_USERS: readonly ZendeskUser[] = [
  zendeskUser({ id: 1001, name: 'Jane Doe', email: 'jane.doe@example.com', phone: '(415) 555-1212', externalId: 'crm-1001', organizationId: 501, tags: ['vip'] }),
  zendeskUser({ id: 1002, name: 'John Smith', email: 'JOHN.SMITH@Example.com', phone: '+1 212 555 0100' }),
  zendeskUser({ id: 1003, name: 'José Álvarez García', email: 'jose@example.org', phone: '415.555.0199', timeZone: 'Eastern Time (US & Canada)' }),
  zendeskUser({ id: 1004, name: 'Jane Doe', email: 'jane.doe@support.example', phone: '415-555-1212', role: 'agent' }),
  zendeskUser({ id: 1005, name: 'Madonna', email: 'madonna@example.com' }),
  zendeskUser({ id: 1006, name: 'Jane Austen', email: 'jane.austen@example.com', phone: '+44 20 7946 0958', externalId: 'crm-1006' }),
  zendeskUser({ id: 1007, name: 'Nora Empty', email: 'nora@example.net' }),
];

/** Tickets: 1001 has five (created on distinct days), 1002 two, 1003 and 1006 one, 1005 three, 1007 none. */
export const FIXTURE_TICKETS: readonly ZendeskTicket[] = [
  zendeskTicket({ id: 5001, requesterId: 1001, status: 'closed', subject: 'Damaged item', createdAt: '2024-01-05T10:00:00.000Z', updatedAt: '2024-01-09T10:00:00.000Z' }),
  zendeskTicket({ id: 5002, requesterId: 1001, status: 'solved', priority: 'high', channel: 'web', createdAt: '2024-03-01T10:00:00.000Z', updatedAt: '2024-03-02T11:00:00.000Z' }),
  zendeskTicket({ id: 5003, requesterId: 1001, status: 'new', subject: 'Where is my order?', createdAt: '2024-05-20T10:00:00.000Z', updatedAt: '2024-05-20T10:00:00.000Z' }),
  zendeskTicket({ id: 5004, requesterId: 1001, status: 'pending', createdAt: '2024-02-11T10:00:00.000Z', updatedAt: '2024-06-01T10:00:00.000Z' }),
  zendeskTicket({ id: 5005, requesterId: 1001, status: 'hold', assigneeId: 9001, createdAt: '2024-04-15T10:00:00.000Z', updatedAt: '2024-04-16T10:00:00.000Z' }),
  zendeskTicket({ id: 5006, requesterId: 1002, status: 'open', createdAt: '2024-02-01T10:00:00.000Z' }),
  zendeskTicket({ id: 5007, requesterId: 1002, status: 'solved', createdAt: '2024-02-02T10:00:00.000Z' }),
  zendeskTicket({ id: 5008, requesterId: 1003, status: 'open', tags: ['refund'], createdAt: '2024-02-03T10:00:00.000Z' }),
  zendeskTicket({ id: 5009, requesterId: 1005, status: 'open', createdAt: '2024-02-04T10:00:00.000Z' }),
  zendeskTicket({ id: 5010, requesterId: 1005, status: 'closed', createdAt: '2024-02-05T10:00:00.000Z' }),
  zendeskTicket({ id: 5011, requesterId: 1005, status: 'pending', createdAt: '2024-02-06T10:00:00.000Z' }),
  zendeskTicket({ id: 5012, requesterId: 1006, status: 'new', channel: 'voice', createdAt: '2024-02-07T10:00:00.000Z' }),
];

export const FIXTURE: SandboxDataset = zendeskDataset(FIXTURE_USERS, FIXTURE_TICKETS);

/** `n` end users `Pat Lee <k>` with ids from `firstId`, for paging and chunking tests. */
export function manyUsers(n: number, firstId = 20_001): ZendeskUser[] {
  return Array.from({ length: n }, (_, k) => zendeskUser({ id: firstId + k, name: `Pat Lee`, email: `pat.lee.${k}@example.com` }));
}

/** One answer of the sandbox as a test sees it. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON. */
  readonly json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
}

/** GETs `pathOrUrl` on the sandbox with the default Basic credentials unless `authorization` is given ('' for none). */
export async function get(server: FakeServer, pathOrUrl: string, authorization: string = BASIC_AUTH): Promise<Answer> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${server.origin}${pathOrUrl}`;
  const res = await fetch(url, { headers: authorization === '' ? {} : { authorization } });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A FakeRequest for pure route-helper tests, on origin `http://127.0.0.1:9`. */
export function fakeRequest(pathAndQuery: string, headers: Record<string, string> = {}): FakeRequest {
  const url = new URL(pathAndQuery, 'http://127.0.0.1:9');
  return { method: 'GET', path: url.pathname, query: url.searchParams, headers, body: '', origin: url.origin };
}
