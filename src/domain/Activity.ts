import type { FetchInfo } from './FetchInfo.js';
import type { SourceRef } from './SourceRef.js';

/** What kind of CRM activity this is. */
export type ActivityKind = 'CALL' | 'EMAIL' | 'TASK' | 'MEETING';

/** A CRM task, call or meeting about one customer record (`ownerRef`). */
export interface Activity {
  readonly ref: SourceRef;
  readonly ownerRef: SourceRef;
  readonly kind: ActivityKind;
  readonly subject: string | null;
  readonly status: string | null;
  /** When it happened or is due: ISO 8601 date or timestamp. */
  readonly occurredAt: string;
  readonly durationSeconds: number | null;
  /** How this value reached the request; absent = fetched live now. */
  readonly fetch?: FetchInfo;
}
