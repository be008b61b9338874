import { describe, expect, it } from 'vitest';
import type { Ticket, TicketStatus } from '../../../src/domain/index.js';
import { mapTicket, mapTicketStatus } from '../../../src/adapters/zendesk/mapTicket.js';
import type { WireTicket } from '../../../src/adapters/zendesk/wireSchemas.js';

const owner = { source: 'zd', id: '20978392' };
const base: WireTicket = {
  id: 35436,
  subject: 'Where is my order?',
  status: 'open',
  priority: 'normal',
  via: { channel: 'email' },
  created_at: '2024-05-01T12:00:00Z',
  updated_at: '2024-05-02T08:30:00Z',
};

describe('mapTicket: Zendesk ticket → Ticket', () => {
  it('maps a full ticket', () => {
    expect(mapTicket(owner, base)).toEqual<Ticket>({
      ref: { source: 'zd', id: '35436' },
      ownerRef: owner,
      kind: 'TICKET',
      number: '35436',
      subject: 'Where is my order?',
      status: 'OPEN',
      sourceStatus: 'open',
      priority: 'normal',
      channel: 'email',
      createdAt: '2024-05-01T12:00:00Z',
      updatedAt: '2024-05-02T08:30:00Z',
      closedAt: null,
    });
  });

  it.each<[string, TicketStatus | null]>([
    ['new', 'NEW'],
    ['open', 'OPEN'],
    ['pending', 'PENDING'],
    ['hold', 'ON_HOLD'],
    ['solved', 'SOLVED'],
    ['closed', 'CLOSED'],
    ['Solved', 'SOLVED'],
    ['deleted', null],
    ['', null],
    ['constructor', null],
    ['__proto__', null],
    ['toString', null],
  ])('folds status %j to %s', (status, expected) => {
    expect(mapTicketStatus(status)).toBe(expected);
  });

  it.each<[string, Partial<WireTicket>, Partial<Ticket>]>([
    ['a solved ticket closes at its last update', { status: 'solved' }, { status: 'SOLVED', closedAt: '2024-05-02T08:30:00Z' }],
    ['a closed ticket closes at its last update', { status: 'closed' }, { status: 'CLOSED', closedAt: '2024-05-02T08:30:00Z' }],
    ['a closed ticket without updated_at has no close time', { status: 'closed', updated_at: null }, { closedAt: null, updatedAt: null }],
    ['a pending ticket is not closed', { status: 'pending' }, { closedAt: null }],
    ['priority is lower-cased', { priority: 'URGENT' }, { priority: 'urgent' }],
    ['a missing priority is null', { priority: null }, { priority: null }],
    ['a missing via gives no channel', { via: null }, { channel: null }],
    ['a missing subject is null', { subject: undefined }, { subject: null }],
    ['the raw status is kept', { status: 'Hold' }, { status: 'ON_HOLD', sourceStatus: 'Hold' }],
  ])('%s', (_what, patch, expected) => {
    expect(mapTicket(owner, { ...base, ...patch })).toMatchObject(expected);
  });

  it('gives null for a status Zendesk does not document', () => {
    expect(mapTicket(owner, { ...base, status: 'archived' })).toBeNull();
  });
});
