import { describe, expect, it } from 'vitest';
import type { Activity, ActivityKind } from '../../../src/domain/index.js';
import { mapTask, mapTaskKind } from '../../../src/adapters/salesforce/mapTask.js';
import type { WireTask } from '../../../src/adapters/salesforce/wireSchemas.js';

describe('mapTask: kind', () => {
  it.each<[string | null, ActivityKind]>([
    ['Call', 'CALL'],
    ['call', 'CALL'],
    ['Email', 'EMAIL'],
    ['Task', 'TASK'],
    ['ListEmail', 'TASK'],
    [null, 'TASK'],
  ])('maps TaskSubtype %j to %s', (subtype, expected) => {
    expect(mapTaskKind(subtype)).toBe(expected);
  });
});

describe('mapTask: wire to activity', () => {
  const wire: WireTask = {
    Id: '00T000000000001AAA',
    WhoId: '003000000000001AAA',
    Subject: 'Call',
    Status: 'Completed',
    TaskSubtype: 'Call',
    ActivityDate: '2024-05-03',
    CallDurationInSeconds: 300,
    CreatedDate: '2024-05-01T12:00:00.000+0000',
  };

  it.each<[string, Partial<WireTask>, Partial<Activity>]>([
    ['a call with its duration', {}, { kind: 'CALL', subject: 'Call', status: 'Completed', occurredAt: '2024-05-03', durationSeconds: 300 }],
    ['an email without a duration', { TaskSubtype: 'Email', CallDurationInSeconds: null }, { kind: 'EMAIL', durationSeconds: null }],
    ['an undated task by its creation time', { TaskSubtype: 'Task', ActivityDate: null, Subject: null, Status: null }, { kind: 'TASK', occurredAt: '2024-05-01T12:00:00.000Z', subject: null, status: null }],
  ])('maps %s', (_name, over, expected) => {
    expect(mapTask({ ...wire, ...over }, 'crm')).toMatchObject({ ref: { source: 'crm', id: wire.Id }, ownerRef: { source: 'crm', id: wire.WhoId }, ...expected });
  });
});
