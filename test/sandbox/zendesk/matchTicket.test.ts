import { describe, expect, it } from 'vitest';
import { matchTicket } from '../../../src/sandbox/zendesk/matchTicket.js';
import { parseSearchQuery } from '../../../src/sandbox/zendesk/parseSearchQuery.js';
import { zendeskTicket, zendeskUser } from './zendeskFixture.js';

const requester = zendeskUser({ id: 1001, name: 'Jane Doe', email: 'jane@example.com' });
const ticket = zendeskTicket({
  id: 5,
  requesterId: 1001,
  submitterId: 1001,
  assigneeId: null,
  subject: 'Where is my order?',
  description: 'Parcel never arrived',
  status: 'pending',
  priority: 'high',
  type: 'incident',
  tags: ['shipping'],
  channel: 'web',
  createdAt: '2024-05-01T12:00:00.000Z',
  updatedAt: '2024-06-01T12:00:00.000Z',
});

describe('matchTicket: search terms against a ticket', () => {
  it.each<[string, boolean]>([
    ['type:ticket', true],
    ['type:user', false],
    ['requester:1001', true],
    ['requester:1002', false],
    ['requester:JANE@example.com', true],
    ['requester:"jane doe"', true],
    ['requester:smith', false],
    ['status:pending', true],
    ['status<solved', true],
    ['status>pending', false],
    ['status>=pending', true],
    ['status<=open', false],
    ['status<bogus', false],
    ['priority>normal', true],
    ['priority:urgent', false],
    ['ticket_type:incident', true],
    ['tags:shipping', true],
    ['-tags:shipping', false],
    ['via:web', true],
    ['assignee:none', true],
    ['submitter:1001', true],
    ['created>2024-04-30', true],
    ['created<2024-05-01', false],
    ['updated:2024-06-01', true],
    ['order', true],
    ['"never arrived"', true],
    ['refund', false],
    ['type:ticket requester:1001 status<solved', true],
    ['type:ticket requester:1001 status>=solved', false],
  ])('%j → %s', (query, expected) => {
    expect(matchTicket(ticket, requester, parseSearchQuery(query))).toBe(expected);
  });

  it('matches requester by email only when the requester record is known', () => {
    expect(matchTicket(ticket, undefined, parseSearchQuery('requester:jane@example.com'))).toBe(false);
  });
});
