import { connectionCost, customerOrdersCost, LINE_ITEM_COST, MAX_PAGE_SIZE, MAX_QUERY_COST, MORE_LINE_ITEMS_FIRST, orderCost } from './shopifyQueries.js';

/** One batched call: how many customers it carries and how many orders it asks per customer. */
export interface OrdersChunkPlan {
  readonly size: number;
  readonly ordersFirst: number;
}

/**
 * Customers per orders call for `pending` customers (pure): as few calls as the 1000-point cap allows with
 * at least one order per customer, sized evenly. Used for the first call and for every follow-up round.
 */
export function customersPerCall(pending: number, lineItemsFirst: number): number {
  const maxPerCall = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(MAX_QUERY_COST / customerOrdersCost(1, lineItemsFirst))));
  const calls = Math.max(1, Math.ceil(pending / maxPerCall));
  return Math.max(1, Math.ceil(pending / calls));
}

/**
 * Orders asked per customer in a call carrying `batchSize` customers (pure): as many as fit the cost cap
 * (`batchSize × (3 + n × orderCost) ≤ 1000`), at most `ordersPageSize`, at least 1.
 */
export function ordersFirstFor(batchSize: number, ordersPageSize: number, lineItemsFirst: number): number {
  const fits = Math.floor((MAX_QUERY_COST - 3 * batchSize) / (batchSize * orderCost(lineItemsFirst)));
  return Math.max(1, Math.min(ordersPageSize, fits));
}

/**
 * The first-page calls for `customerCount` customers (pure). So 20 customers at 5 line items per order
 * (20 points per order) share one call of 2 orders each, and one customer alone gets `ordersPageSize`
 * (≤ 49) in one call.
 */
export function planOrderChunks(customerCount: number, ordersPageSize: number, lineItemsFirst: number): OrdersChunkPlan[] {
  const chunks: OrdersChunkPlan[] = [];
  const perCall = customersPerCall(customerCount, lineItemsFirst);
  for (let start = 0; start < customerCount; start += perCall) {
    const size = Math.min(perCall, customerCount - start);
    chunks.push({ size, ordersFirst: ordersFirstFor(size, ordersPageSize, lineItemsFirst) });
  }
  return chunks;
}

/** Orders continued per follow-up call for their remaining line items ({@link MORE_LINE_ITEMS_FIRST} each). */
export function lineItemOrdersPerCall(): number {
  return Math.max(1, Math.floor(MAX_QUERY_COST / (1 + connectionCost(MORE_LINE_ITEMS_FIRST, LINE_ITEM_COST))));
}
