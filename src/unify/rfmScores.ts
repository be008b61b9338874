/** Recency, frequency and monetary scores, each 1 (lowest) to 5 (highest), and their concatenation. */
export interface RfmScores {
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
  /** e.g. `"545"`. */
  readonly code: string;
}

/** Upper bounds of days since last order for recency 5, 4, 3, 2; older is 1. */
export const RECENCY_DAYS = [30, 90, 180, 365] as const;
/** Lower bounds of order count for frequency 5, 4, 3, 2; fewer is 1. */
export const FREQUENCY_ORDERS = [10, 6, 3, 2] as const;
/** Lower bounds of lifetime value (major units) for monetary 5, 4, 3, 2; less is 1. */
export const MONETARY_VALUE = [2000, 1000, 500, 100] as const;

/**
 * RFM on fixed thresholds (so a score means the same for every customer, without scoring a population):
 * recency from days since the last order (≤30 → 5, ≤90 → 4, ≤180 → 3, ≤365 → 2, else 1), frequency from the
 * order count (≥10 → 5, ≥6 → 4, ≥3 → 3, ≥2 → 2, else 1), monetary from lifetime value in major units
 * (≥2000 → 5, ≥1000 → 4, ≥500 → 3, ≥100 → 2, else 1). Null when there is no order. Pure.
 */
export function rfmScores(daysSinceLastOrder: number | null, orderCount: number, lifetimeValue: number): RfmScores | null {
  if (daysSinceLastOrder === null || orderCount === 0) return null;
  const recency = score(RECENCY_DAYS.findIndex((d) => daysSinceLastOrder <= d));
  const frequency = score(FREQUENCY_ORDERS.findIndex((n) => orderCount >= n));
  const monetary = score(MONETARY_VALUE.findIndex((v) => lifetimeValue >= v));
  return { recency, frequency, monetary, code: `${recency}${frequency}${monetary}` };
}

function score(index: number): number {
  return index === -1 ? 1 : 5 - index;
}
