import type { SandboxDataset, SfCase, SfContact, SfTask } from '../../../src/sandbox/dataset/types.js';

/** An 18-char id with the given key prefix: prefix + zero-padded n + `AAA`. */
export function sfId(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(12, '0')}AAA`;
}

/** Contact ids of the fixture. */
export const IDS = {
  acme: sfId('001', 1),
  globex: sfId('001', 2),
  jane: sfId('003', 1),
  john: sfId('003', 2),
  janeDup: sfId('003', 3),
  mary: sfId('003', 4),
  wei: sfId('003', 5),
  orphan: sfId('003', 6),
} as const;

function contact(over: Partial<SfContact> & Pick<SfContact, 'id' | 'lastName'>): SfContact {
  return {
    accountId: IDS.acme,
    firstName: null,
    email: null,
    phone: null,
    mobilePhone: null,
    mailingStreet: null,
    mailingCity: null,
    mailingState: null,
    mailingPostalCode: null,
    mailingCountry: null,
    birthdate: null,
    hasOptedOutOfEmail: false,
    doNotCall: false,
    createdDate: '2024-01-01T00:00:00.000Z',
    lastModifiedDate: '2024-01-02T00:00:00.000Z',
    ...over,
  };
}

function sfCase(n: number, contactId: string, over: Partial<SfCase> = {}): SfCase {
  return {
    id: sfId('500', n),
    caseNumber: String(1000 + n).padStart(8, '0'),
    contactId,
    accountId: IDS.acme,
    subject: `Case ${n}`,
    description: `Description ${n}`,
    status: 'New',
    priority: 'Medium',
    origin: 'Email',
    isClosed: false,
    createdDate: `2024-0${n}-01T10:00:00.000Z`,
    closedDate: null,
    lastModifiedDate: `2024-0${n}-02T10:00:00.000Z`,
    ...over,
  };
}

function task(n: number, whoId: string, over: Partial<SfTask> = {}): SfTask {
  return {
    id: sfId('00T', n),
    whoId,
    whatId: null,
    subject: `Task ${n}`,
    status: 'Completed',
    priority: 'Normal',
    taskSubtype: 'Task',
    activityDate: `2024-0${n}-15`,
    callDurationInSeconds: null,
    createdDate: `2024-0${n}-10T09:00:00.000Z`,
    lastModifiedDate: `2024-0${n}-10T09:00:00.000Z`,
    ...over,
  };
}

/**
 * A small hand-written world: Jane Doe twice (email case differs, phone formats differ), John Smith,
 * Mary O'Brien (an apostrophe in name and email), Li Wei (UK phone, no first name in Salesforce), and a
 * contact without account. Jane has 4 cases and 3 tasks, John 2 cases and 2 tasks.
 */
export function salesforceFixture(extraContacts: readonly SfContact[] = []): SandboxDataset {
  const contacts: SfContact[] = [
    contact({
      id: IDS.jane,
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'Jane@Example.com',
      phone: '(415) 555-1212',
      mailingStreet: '1 Market St',
      mailingCity: 'San Francisco',
      mailingState: 'CA',
      mailingPostalCode: '94105',
      mailingCountry: 'US',
      birthdate: '1985-04-12',
      createdDate: '2024-05-01T12:00:00.000Z',
      lastModifiedDate: '2024-06-01T08:30:00.000Z',
    }),
    contact({ id: IDS.john, firstName: 'John', lastName: 'Smith', email: 'john.smith@example.org', phone: '415.555.1313', mobilePhone: '+1 650 555 0000', accountId: IDS.globex, hasOptedOutOfEmail: true }),
    contact({ id: IDS.janeDup, firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com', mobilePhone: '4155551212', createdDate: '2023-03-03T03:03:03.000Z' }),
    contact({ id: IDS.mary, firstName: 'Mary', lastName: "O'Brien", email: "mary.o'brien@example.net", doNotCall: true }),
    contact({ id: IDS.wei, lastName: 'Wei', phone: '+44 20 7123 4567', birthdate: '1990-12-31' }),
    contact({ id: IDS.orphan, firstName: 'Otto', lastName: 'Orphan', accountId: sfId('001', 99) }),
    ...extraContacts,
  ];
  return {
    seed: 1,
    size: contacts.length,
    now: '2024-12-01T00:00:00.000Z',
    people: [],
    salesforce: {
      accounts: [
        { id: IDS.acme, name: 'Acme Corp', phone: '(415) 555-0000', createdDate: '2020-01-01T00:00:00.000Z', lastModifiedDate: '2020-01-02T00:00:00.000Z' },
        { id: IDS.globex, name: 'Globex', phone: null, createdDate: '2021-01-01T00:00:00.000Z', lastModifiedDate: '2021-01-02T00:00:00.000Z' },
      ],
      contacts,
      cases: [
        sfCase(1, IDS.jane, { status: 'Closed', isClosed: true, closedDate: '2024-01-05T10:00:00.000Z', priority: 'High', origin: 'Phone' }),
        sfCase(2, IDS.john, { status: 'Working' }),
        sfCase(3, IDS.jane, { status: 'Escalated', origin: 'Web' }),
        sfCase(4, IDS.jane),
        sfCase(5, IDS.john, { status: 'Waiting on Customer', priority: 'Low' }),
        sfCase(6, IDS.jane, { status: 'Working' }),
      ],
      tasks: [
        task(1, IDS.jane, { taskSubtype: 'Call', callDurationInSeconds: 300 }),
        task(2, IDS.jane, { taskSubtype: 'Email' }),
        task(3, IDS.john),
        task(4, IDS.jane),
        task(5, IDS.john, { taskSubtype: 'Call', callDurationInSeconds: 60, status: 'Not Started' }),
      ],
    },
    shopify: { customers: [], orders: [] },
    zendesk: { users: [], tickets: [] },
    truth: [],
  };
}

/** `count` extra contacts all named `Pager`, for paging tests. */
export function pagerContacts(count: number): SfContact[] {
  return Array.from({ length: count }, (_, i) =>
    contact({ id: sfId('003', 100 + i), firstName: `P${i}`, lastName: 'Pager', email: `pager${i}@example.com`, createdDate: `2024-02-${String(i + 1).padStart(2, '0')}T00:00:00.000Z` }),
  );
}
