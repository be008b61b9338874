import { describe, expect, it } from 'vitest';
import type { Ticket, TicketStatus } from '../../../src/domain/index.js';
import { mapCase, mapCaseStatus } from '../../../src/adapters/salesforce/mapCase.js';
import type { WireCase } from '../../../src/adapters/salesforce/wireSchemas.js';

describe('mapCase: status', () => {
  it.each<[string | null, boolean | null, TicketStatus]>([
    ['New', false, 'NEW'],
    ['Working', false, 'OPEN'],
    ['Escalated', false, 'OPEN'],
    ['Closed', true, 'CLOSED'],
    ['closed', null, 'CLOSED'],
    ['Waiting on Customer', false, 'OPEN'],
    ['Resolved', true, 'CLOSED'],
    [null, true, 'CLOSED'],
    [null, null, 'OPEN'],
    ['constructor', false, 'OPEN'],
    ['__proto__', true, 'CLOSED'],
    ['toString', null, 'OPEN'],
  ])('maps %j (IsClosed %j) to %s', (status, isClosed, expected) => {
    expect(mapCaseStatus(status, isClosed)).toBe(expected);
  });
});

describe('mapCase: wire to ticket', () => {
  const wire: WireCase = {
    Id: '500000000000001AAA',
    CaseNumber: '00001026',
    ContactId: '003000000000001AAA',
    Subject: 'Damaged item',
    Status: 'Closed',
    Priority: 'High',
    Origin: 'Email',
    IsClosed: true,
    CreatedDate: '2024-05-01T12:00:00.000+0000',
    ClosedDate: '2024-05-03T09:15:00.000+0000',
    LastModifiedDate: '2024-05-03T09:15:00.000+0000',
  };

  it.each<[string, Partial<WireCase>, Partial<Ticket>]>([
    [
      'a closed case',
      {},
      {
        subject: 'Damaged item',
        status: 'CLOSED',
        sourceStatus: 'Closed',
        priority: 'high',
        channel: 'email',
        createdAt: '2024-05-01T12:00:00.000Z',
        updatedAt: '2024-05-03T09:15:00.000Z',
        closedAt: '2024-05-03T09:15:00.000Z',
      },
    ],
    ['an open case without optional fields', { Status: 'New', IsClosed: false, ClosedDate: null, Priority: null, Origin: undefined, Subject: null }, { status: 'NEW', sourceStatus: 'New', priority: null, channel: null, subject: null, closedAt: null }],
    ['a phone case', { Origin: 'Phone', Priority: 'Medium' }, { channel: 'phone', priority: 'medium' }],
  ])('maps %s', (_name, over, expected) => {
    const ticket = mapCase({ ...wire, ...over }, 'crm');
    expect(ticket).toMatchObject({ ref: { source: 'crm', id: wire.Id }, ownerRef: { source: 'crm', id: wire.ContactId }, kind: 'CASE', number: '00001026', ...expected });
  });
});
