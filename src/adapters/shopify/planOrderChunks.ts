import { connectionCost, LINE_ITEM_COST, MAX_PAGE_SIZE, MAX_QUERY_COST, MORE_LINE_ITEMS_FIRST, ordersCostModel, type OrdersCostModel } from './shopifyQueries.js';

/** A line-item page size (orders with that many line items, bare customers) or a whole cost model. */
export type OrdersCost = number | OrdersCostModel;

const modelOf = (cost: OrdersCost): OrdersCostModel => (typeof cost === 'number' ? ordersCostModel(cost) : cost);

/** One batched call: how many customers it carries and how many orders it asks per customer. */
export interface OrdersChunkPlan {
  readonly size: number;
  readonly ordersFirst: number;
}

/**
 * Customers per orders call for `pending` customers (pure): as few calls as the 1000-point cap allows with
 * at least one order per customer, sized evenly. Used for the first call and for every follow-up round.
 */
export function customersPerCall(pending: number, cost: OrdersCost): number {
  const model = modelOf(cost);
  const maxPerCall = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(MAX_QUERY_COST / (model.customer + connectionCost(1, model.order)))));
  const calls = Math.max(1, Math.ceil(pending / maxPerCall));
  return Math.max(1, Math.ceil(pending / calls));
}

/**
 * Orders asked per customer in a call carrying `batchSize` customers (pure): as many as fit the cost cap
 * (`batchSize × (customer + 2 + n × order) ≤ 1000`), at most `ordersPageSize`, at least 1.
 */
export function ordersFirstFor(batchSize: number, ordersPageSize: number, cost: OrdersCost): number {
  const model = modelOf(cost);
  const fits = Math.floor((MAX_QUERY_COST - (model.customer + 2) * batchSize) / (batchSize * model.order));
  return Math.max(1, Math.min(ordersPageSize, fits));
}

/**
 * The first-page calls for `customerCount` customers (pure). So 20 customers at 5 line items per order
 * (20 points per order) share one call of 2 orders each, and one customer alone gets `ordersPageSize`
 * (≤ 49) in one call.
 */
export function planOrderChunks(customerCount: number, ordersPageSize: number, cost: OrdersCost): OrdersChunkPlan[] {
  const chunks: OrdersChunkPlan[] = [];
  const perCall = customersPerCall(customerCount, cost);
  for (let start = 0; start < customerCount; start += perCall) {
    const size = Math.min(perCall, customerCount - start);
    chunks.push({ size, ordersFirst: ordersFirstFor(size, ordersPageSize, cost) });
  }
  return chunks;
}

/** Orders continued per follow-up call for their remaining line items ({@link MORE_LINE_ITEMS_FIRST} each). */
export function lineItemOrdersPerCall(): number {
  return Math.max(1, Math.floor(MAX_QUERY_COST / (1 + connectionCost(MORE_LINE_ITEMS_FIRST, LINE_ITEM_COST))));
}
