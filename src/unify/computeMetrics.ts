import type { Money, Order, Ticket } from '../domain/index.js';
import { rfmScores, type RfmScores } from './rfmScores.js';
import type { TimelineEvent } from './TimelineEvent.js';

const DAY_MS = 86_400_000;
const OPEN = new Set(['NEW', 'OPEN', 'PENDING', 'ON_HOLD']);
const NOT_REVENUE = new Set(['VOIDED', 'REFUNDED']);

/** Customer metrics; definitions are in schema/metrics.graphql (the descriptions are the contract). */
export interface CustomerMetrics {
  readonly currencyCode: string | null;
  readonly lifetimeValue: Money | null;
  readonly orderCount: number;
  readonly averageOrderValue: Money | null;
  readonly firstOrderAt: string | null;
  readonly lastOrderAt: string | null;
  readonly cancelledOrders: number;
  readonly refundedOrders: number;
  /** Orders left out because they are in another currency than `currencyCode`. */
  readonly otherCurrencyOrders: number;
  readonly openTickets: number;
  readonly lastInteractionAt: string | null;
  readonly daysSinceFirstOrder: number | null;
  readonly daysSinceLastOrder: number | null;
  readonly daysSinceLastInteraction: number | null;
  readonly recentOrders: number;
  readonly recentInteractions: number;
  readonly rfm: RfmScores | null;
}

/**
 * Computes the metrics of one person at `nowMs` from their orders, tickets/cases and timeline events
 * (`recentDays` is the window of the `recent*` counts). Money is summed in minor units of the currency that
 * most counted orders use (ties: alphabetical); orders in other currencies are counted in
 * `otherCurrencyOrders` only. A counted order is one not cancelled and not VOIDED or REFUNDED in full
 * (a partial refund still counts at its total: the refunded amount is not in the order data). Pure.
 */
export function computeMetrics(orders: readonly Order[], tickets: readonly Ticket[], events: readonly TimelineEvent[], nowMs: number, recentDays: number): CustomerMetrics {
  const counted = orders.filter((o) => !o.cancelledAt && !NOT_REVENUE.has(o.financialStatus ?? ''));
  const currencyCode = majorityCurrency(counted);
  const inCurrency = counted.filter((o) => o.total.currencyCode === currencyCode);
  const digits = currencyCode ? fractionDigits(currencyCode) : 2;
  const totalMinor = inCurrency.reduce((sum, o) => sum + toMinor(o.total.amount, digits), 0);
  const times = inCurrency.map((o) => Date.parse(o.createdAt)).filter((t) => !Number.isNaN(t));
  const first = times.length ? Math.min(...times) : null;
  const last = times.length ? Math.max(...times) : null;
  const eventTimes = events.map((e) => Date.parse(e.occurredAt)).filter((t) => !Number.isNaN(t) && t <= nowMs);
  const lastInteraction = eventTimes.length ? Math.max(...eventTimes) : null;
  const recentFrom = nowMs - recentDays * DAY_MS;
  const days = (ms: number | null) => (ms === null ? null : Math.max(0, Math.floor((nowMs - ms) / DAY_MS)));
  const lifetimeValue = currencyCode ? { amount: fromMinor(totalMinor, digits), currencyCode } : null;
  const metrics = {
    currencyCode,
    lifetimeValue,
    orderCount: inCurrency.length,
    averageOrderValue: currencyCode && inCurrency.length ? { amount: fromMinor(Math.round(totalMinor / inCurrency.length), digits), currencyCode } : null,
    firstOrderAt: first === null ? null : new Date(first).toISOString(),
    lastOrderAt: last === null ? null : new Date(last).toISOString(),
    cancelledOrders: orders.filter((o) => o.cancelledAt).length,
    refundedOrders: orders.filter((o) => !o.cancelledAt && (o.financialStatus === 'REFUNDED' || o.financialStatus === 'PARTIALLY_REFUNDED')).length,
    otherCurrencyOrders: counted.length - inCurrency.length,
    openTickets: tickets.filter((t) => OPEN.has(t.status)).length,
    lastInteractionAt: lastInteraction === null ? null : new Date(lastInteraction).toISOString(),
    daysSinceFirstOrder: days(first),
    daysSinceLastOrder: days(last),
    daysSinceLastInteraction: days(lastInteraction),
    recentOrders: times.filter((t) => t >= recentFrom).length,
    recentInteractions: events.filter((e) => !e.kind.startsWith('ORDER_') && Date.parse(e.occurredAt) >= recentFrom && Date.parse(e.occurredAt) <= nowMs).length,
  };
  return { ...metrics, rfm: rfmScores(metrics.daysSinceLastOrder, metrics.orderCount, totalMinor / 10 ** digits) };
}

function majorityCurrency(orders: readonly Order[]): string | null {
  const counts = new Map<string, number>();
  for (const o of orders) counts.set(o.total.currencyCode, (counts.get(o.total.currencyCode) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return ranked[0]?.[0] ?? null;
}

/** Minor-unit digits of an ISO 4217 currency (2 for USD, 0 for JPY, 3 for KWD); 2 when unknown. */
export function fractionDigits(currencyCode: string): number {
  // Memoised: building an Intl.NumberFormat per call was ~1.5 % of a warm 360 query's CPU (bench/ profile).
  const known = digitsByCurrency.get(currencyCode);
  if (known !== undefined) return known;
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  // Bounded: ISO 4217 has ~300 codes; past that (junk codes from a source) stop remembering.
  if (digitsByCurrency.size < 512) digitsByCurrency.set(currencyCode, digits);
  return digits;
}

const digitsByCurrency = new Map<string, number>();

/** A decimal string in minor units (`"17.86"`, 2 → 1786); an unparsable amount counts 0. */
export function toMinor(amount: string, digits: number): number {
  const value = Number(amount);
  return Number.isFinite(value) ? Math.round(value * 10 ** digits) : 0;
}

/** Minor units back to a decimal string with `digits` decimals (1786, 2 → `"17.86"`). */
export function fromMinor(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const text = String(abs).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
