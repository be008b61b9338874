import type { Order, OrderLineItem, SourceRef } from '../../domain/index.js';
import { toShopifyId } from './shopifyIds.js';
import type { WireLineItem, WireOrder } from './wireSchemas.js';

/**
 * Maps a Shopify Order onto the domain Order (pure). `number` is the order `name` (`#1001`); `total` is
 * `totalPriceSet.shopMoney` (the shop's currency); statuses are Shopify's display statuses as given;
 * `lineItems` are all the order's line items (the first page plus any followed pages, in order).
 */
export function mapOrder(wire: WireOrder, lineItems: readonly WireLineItem[], ownerRef: SourceRef): Order {
  return {
    ref: { source: ownerRef.source, id: toShopifyId(wire.id, 'Order') ?? wire.id },
    ownerRef,
    number: wire.name,
    createdAt: wire.createdAt,
    updatedAt: wire.updatedAt ?? null,
    cancelledAt: wire.cancelledAt ?? null,
    financialStatus: wire.displayFinancialStatus ?? null,
    fulfillmentStatus: wire.displayFulfillmentStatus ?? null,
    total: { amount: wire.totalPriceSet.shopMoney.amount, currencyCode: wire.totalPriceSet.shopMoney.currencyCode },
    lineItems: lineItems.map(mapLineItem),
  };
}

/** One line: unit price from `originalUnitPriceSet.shopMoney`; an empty SKU becomes null. */
export function mapLineItem(wire: WireLineItem): OrderLineItem {
  const money = wire.originalUnitPriceSet.shopMoney;
  return {
    title: wire.title,
    sku: wire.sku == null || wire.sku.trim() === '' ? null : wire.sku,
    quantity: wire.quantity,
    unitPrice: { amount: money.amount, currencyCode: money.currencyCode },
  };
}
