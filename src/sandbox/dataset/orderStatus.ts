import { DAY_MS } from './createClock.js';
import type { DatasetContext } from './DatasetContext.js';

/** Orders younger than this may still be pending payment or unfulfilled. */
const RECENT_MS = 3 * DAY_MS;
const CANCELLED_RATE = 0.03;
const SETTLED = [
  { weight: 90, value: 'PAID' },
  { weight: 5, value: 'REFUNDED' },
  { weight: 5, value: 'PARTIALLY_REFUNDED' },
] as const;
const RECENT: ReadonlyArray<{ readonly weight: number; readonly value: readonly [string, string] }> = [
  { weight: 35, value: ['PENDING', 'UNFULFILLED'] },
  { weight: 45, value: ['PAID', 'UNFULFILLED'] },
  { weight: 10, value: ['PAID', 'PARTIALLY_FULFILLED'] },
  { weight: 10, value: ['PAID', 'FULFILLED'] },
];

/** An order's lifecycle outcome as Shopify displays it. */
export interface OrderStatus {
  /** `PAID` | `PENDING` | `REFUNDED` | `PARTIALLY_REFUNDED` | `VOIDED` */
  readonly financial: string;
  /** `FULFILLED` | `UNFULFILLED` | `PARTIALLY_FULFILLED` */
  readonly fulfillment: string;
  /** Set only for cancelled orders (which are `VOIDED` or `REFUNDED` and unfulfilled). */
  readonly cancelledMs: number | null;
  /** Last change: never before creation, never after now. */
  readonly updatedMs: number;
}

/**
 * The status of an order created at `createdMs`: a few are cancelled within 3 days (voided when caught before
 * capture, else refunded); orders under 3 days old are often pending or unfulfilled; the rest are mostly paid
 * and fulfilled, some refunded in full or in part within 30 days.
 */
export function orderStatus(ctx: DatasetContext, createdMs: number): OrderStatus {
  const { faker, clock } = ctx;
  if (faker.datatype.boolean(CANCELLED_RATE)) {
    const cancelledMs = clock.between(createdMs, createdMs + 3 * DAY_MS);
    const financial = faker.datatype.boolean(0.6) ? 'VOIDED' : 'REFUNDED';
    return { financial, fulfillment: 'UNFULFILLED', cancelledMs, updatedMs: cancelledMs };
  }
  if (clock.nowMs - createdMs < RECENT_MS) {
    const [financial, fulfillment] = faker.helpers.weightedArrayElement(RECENT);
    return { financial, fulfillment, cancelledMs: null, updatedMs: clock.between(createdMs, clock.nowMs) };
  }
  const financial = faker.helpers.weightedArrayElement(SETTLED);
  const settleDays = financial === 'PAID' ? 5 : 30;
  const updatedMs = clock.between(createdMs, createdMs + settleDays * DAY_MS);
  return { financial, fulfillment: 'FULFILLED', cancelledMs: null, updatedMs };
}
