import { CATALOGUE, type CatalogueItem } from './catalogue.js';
import type { DatasetContext } from './DatasetContext.js';
import { formatCents } from './formatCents.js';
import { orderStatus, type OrderStatus } from './orderStatus.js';
import type { ShopifyOrder } from './types.js';

const FIRST_ORDER_ID = 5_000_000_000_001;
const FIRST_LINE_ITEM_ID = 14_000_000_000_001;
const FIRST_ORDER_NUMBER = 1001;
/** Sales tax: 8.25%, as basis points over 10 000. */
const TAX_BASIS_POINTS = 825;
/** Orders per customer: some never order, most order a few times, a few are regulars (up to 15). */
const ORDERS_PER_CUSTOMER: ReadonlyArray<{ readonly weight: number; readonly value: readonly [number, number] }> = [
  { weight: 12, value: [0, 0] },
  { weight: 18, value: [1, 1] },
  { weight: 16, value: [2, 2] },
  { weight: 13, value: [3, 3] },
  { weight: 18, value: [4, 5] },
  { weight: 17, value: [6, 10] },
  { weight: 6, value: [11, 15] },
];
const LINES_PER_ORDER = [
  { weight: 45, value: 1 },
  { weight: 30, value: 2 },
  { weight: 15, value: 3 },
  { weight: 10, value: 4 },
] as const;
const QUANTITY = [
  { weight: 75, value: 1 },
  { weight: 18, value: 2 },
  { weight: 7, value: 3 },
] as const;

/** A customer that can place orders: its final id and when it was created. */
export interface OrderOwner {
  readonly id: number;
  readonly createdMs: number;
}

/** The shop's orders (by id) and, per customer id, when its latest order was last updated. */
export interface Orders {
  readonly orders: ShopifyOrder[];
  readonly lastOrderMs: ReadonlyMap<number, number>;
}

interface OrderDraft {
  readonly customerId: number;
  readonly createdMs: number;
  readonly status: OrderStatus;
  readonly lines: ReadonlyArray<{ readonly item: CatalogueItem; readonly quantity: number }>;
}

/**
 * 0–15 orders per customer between its creation and now, with 1–4 distinct catalogue lines each. Ids,
 * names (`#1001`...) and line-item ids follow created order across the shop. subtotal = Σ quantity × unit
 * price; tax = 8.25% of subtotal rounded half-up to the cent; total = subtotal + tax; all 2-decimal USD.
 */
export function createOrders(ctx: DatasetContext, owners: readonly OrderOwner[]): Orders {
  const { faker, clock } = ctx;
  const drafts: OrderDraft[] = [];
  for (const owner of owners) {
    const [min, max] = faker.helpers.weightedArrayElement(ORDERS_PER_CUSTOMER);
    const count = faker.number.int({ min, max });
    for (let k = 0; k < count; k++) {
      const createdMs = clock.between(owner.createdMs, clock.nowMs);
      const items = faker.helpers.arrayElements(CATALOGUE, faker.helpers.weightedArrayElement(LINES_PER_ORDER));
      drafts.push({
        customerId: owner.id,
        createdMs,
        status: orderStatus(ctx, createdMs),
        lines: items.map((item) => ({ item, quantity: faker.helpers.weightedArrayElement(QUANTITY) })),
      });
    }
  }
  const lastOrderMs = new Map<number, number>();
  let nextLineItemId = FIRST_LINE_ITEM_ID;
  const orders = drafts
    .sort((a, b) => a.createdMs - b.createdMs)
    .map((draft, index): ShopifyOrder => {
      const subtotalCents = draft.lines.reduce((sum, line) => sum + line.quantity * line.item.unitPriceCents, 0);
      const taxCents = Math.floor((subtotalCents * TAX_BASIS_POINTS + 5000) / 10_000);
      const { status } = draft;
      lastOrderMs.set(draft.customerId, Math.max(status.updatedMs, lastOrderMs.get(draft.customerId) ?? 0));
      return {
        id: FIRST_ORDER_ID + index,
        customerId: draft.customerId,
        name: `#${FIRST_ORDER_NUMBER + index}`,
        createdAt: clock.iso(draft.createdMs),
        processedAt: clock.iso(draft.createdMs),
        updatedAt: clock.iso(status.updatedMs),
        cancelledAt: status.cancelledMs === null ? null : clock.iso(status.cancelledMs),
        displayFinancialStatus: status.financial,
        displayFulfillmentStatus: status.fulfillment,
        currencyCode: 'USD',
        subtotalPrice: formatCents(subtotalCents),
        totalTax: formatCents(taxCents),
        totalPrice: formatCents(subtotalCents + taxCents),
        lineItems: draft.lines.map((line) => ({
          id: nextLineItemId++,
          title: line.item.title,
          sku: line.item.sku,
          quantity: line.quantity,
          unitPrice: formatCents(line.item.unitPriceCents),
        })),
      };
    });
  return { orders, lastOrderMs };
}
