import { describe, expect, it } from 'vitest';
import { foldDuplicateEvents, type TimelineEvent, type TimelineEventKind } from '../../src/unify/index.js';

const ev = (source: string, id: string, kind: TimelineEventKind, at: string, title: string): TimelineEvent => ({
  key: `${source}/${id}#${kind}`,
  kind,
  occurredAt: new Date(at).toISOString(),
  ref: { source, id },
  title,
  status: null,
  amount: null,
  provenance: { source, recordId: id, sourceUpdatedAt: null, fetchedAt: at, fromCache: false, stale: false, ageMs: 0 },
  alsoSeenIn: [],
});
const PRIORITY = ['salesforce', 'shopify', 'zendesk'];

describe('foldDuplicateEvents: one happening seen by two systems', () => {
  it.each([
    {
      name: 'folds a ticket and a case opened with the same subject within the window',
      events: [ev('zendesk', '1', 'TICKET_OPENED', '2026-01-01T10:00:00Z', 'Wrong size delivered'), ev('salesforce', 'c', 'CASE_OPENED', '2026-01-01T10:20:00Z', 'wrong size, delivered!')],
      kept: ['salesforce/c#CASE_OPENED'],
      alsoSeenIn: [['zendesk/1']],
    },
    {
      name: 'keeps both outside the window',
      events: [ev('zendesk', '1', 'TICKET_OPENED', '2026-01-01T10:00:00Z', 'Refund'), ev('salesforce', 'c', 'CASE_OPENED', '2026-01-01T11:01:00Z', 'Refund')],
      kept: ['zendesk/1#TICKET_OPENED', 'salesforce/c#CASE_OPENED'],
      alsoSeenIn: [[], []],
    },
    {
      name: 'keeps both with different subjects',
      events: [ev('zendesk', '1', 'TICKET_OPENED', '2026-01-01T10:00:00Z', 'Refund'), ev('salesforce', 'c', 'CASE_OPENED', '2026-01-01T10:00:00Z', 'Late delivery')],
      kept: ['salesforce/c#CASE_OPENED', 'zendesk/1#TICKET_OPENED'],
      alsoSeenIn: [[], []],
    },
    {
      name: 'never folds two events of one source',
      events: [ev('zendesk', '1', 'TICKET_OPENED', '2026-01-01T10:00:00Z', 'Refund'), ev('zendesk', '2', 'TICKET_OPENED', '2026-01-01T10:00:00Z', 'Refund')],
      kept: ['zendesk/1#TICKET_OPENED', 'zendesk/2#TICKET_OPENED'],
      alsoSeenIn: [[], []],
    },
    {
      name: 'never folds an opened event with a closed one',
      events: [ev('zendesk', '1', 'TICKET_SOLVED', '2026-01-01T10:00:00Z', 'Refund'), ev('salesforce', 'c', 'CASE_OPENED', '2026-01-01T10:00:00Z', 'Refund')],
      kept: ['salesforce/c#CASE_OPENED', 'zendesk/1#TICKET_SOLVED'],
      alsoSeenIn: [[], []],
    },
    {
      name: 'never folds calls or orders',
      events: [ev('salesforce', 't', 'CALL', '2026-01-01T10:00:00Z', 'Call'), ev('zendesk', 'v', 'CALL', '2026-01-01T10:00:00Z', 'Call')],
      kept: ['salesforce/t#CALL', 'zendesk/v#CALL'],
      alsoSeenIn: [[], []],
    },
  ])('$name', ({ events, kept, alsoSeenIn }) => {
    const folded = foldDuplicateEvents(events, 60, PRIORITY);
    expect(folded.map((e) => e.key)).toEqual(kept);
    expect(folded.map((e) => e.alsoSeenIn.map((r) => `${r.source}/${r.id}`))).toEqual(alsoSeenIn);
  });
});
