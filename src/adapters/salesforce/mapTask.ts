import type { Activity, ActivityKind } from '../../domain/index.js';
import { toIsoDateTime } from './toIsoDateTime.js';
import type { WireTask } from './wireSchemas.js';

/** `TaskSubtype` → activity kind: Call → CALL, Email → EMAIL (case-insensitive), anything else → TASK. */
export function mapTaskKind(subtype: string | null | undefined): ActivityKind {
  const value = (subtype ?? '').trim().toLowerCase();
  return value === 'call' ? 'CALL' : value === 'email' ? 'EMAIL' : 'TASK';
}

/**
 * Maps a Task to an Activity owned by its `WhoId`: kind via {@link mapTaskKind}, `occurredAt` =
 * `ActivityDate` (`YYYY-MM-DD`; the ISO `CreatedDate` when the task has no date), `durationSeconds` =
 * `CallDurationInSeconds`.
 */
export function mapTask(wire: WireTask, source: string): Activity {
  const activityDate = wire.ActivityDate?.trim() ? wire.ActivityDate.trim() : null;
  return {
    ref: { source, id: wire.Id },
    ownerRef: { source, id: wire.WhoId },
    kind: mapTaskKind(wire.TaskSubtype),
    subject: wire.Subject ?? null,
    status: wire.Status ?? null,
    // The wire schema guarantees a parsable CreatedDate.
    occurredAt: activityDate ?? toIsoDateTime(wire.CreatedDate) ?? wire.CreatedDate,
    durationSeconds: wire.CallDurationInSeconds ?? null,
  };
}
