import { z } from 'zod';
import type { IdentityRecord, Order } from '../../domain/index.js';
import type { BatchResult, CallContext, RecordWithRelated, RelatedWant } from '../types.js';
import { sortNewestFirst } from '../sortNewestFirst.js';
import { UpstreamError } from '../UpstreamError.js';
import { followConnections, loopError, type ConnectionPage, type PendingConnection } from './followConnections.js';
import { mapCustomer } from './mapCustomer.js';
import { mapOrder } from './mapOrder.js';
import { customersPerCall, lineItemOrdersPerCall, ordersFirstFor, planOrderChunks } from './planOrderChunks.js';
import { requestShopify } from './requestShopify.js';
import type { ResolvedShopifyOptions } from './resolveShopifyOptions.js';
import { invalidIdError, toError, toShopifyGid, toShopifyId } from './shopifyIds.js';
import { MORE_LINE_ITEMS_FIRST, moreLineItemsQuery, moreOrdersQuery, ordersByCustomersQuery, ordersCostModel } from './shopifyQueries.js';
import { wireCustomerOrdersAlias, wireCustomersWithOrders, wireOrderLineItemsAlias, wireOrdersByCustomer, type WireLineItem, type WireOrder, type WireOrderPage } from './wireSchemas.js';

interface OrderState {
  readonly wire: WireOrder;
  readonly lineItems: WireLineItem[];
}

interface CustomerState {
  readonly orders: Map<string, OrderState>;
  error: Error | null;
  /** The customer's record, when the first call selected it (`withCustomer`); null for an unknown id. */
  record: IdentityRecord | null;
  /** `numberOfOrders`, when the first call selected it. */
  total?: number;
}

/** What the first call selects: the customers' own fields too, and line items or not. */
interface OrdersShape {
  readonly withCustomer: boolean;
  readonly lineItems: boolean;
  /** Newest orders per customer to read (then `numberOfOrders` gives the total); null: all. */
  readonly limit: number | null;
}

/** One input id's answer: an invalid id's error, or the orders (or their failure) and the record if selected. */
type CustomerAnswer = Error | { readonly record: IdentityRecord | null; readonly orders: Order[] | Error; readonly total?: number };

/**
 * The adapter's `ordersByOwner`, newest first (`sortKey: CREATED_AT, reverse: true`):
 * 1. ONE `nodes(ids:) { ... on Customer { orders(first: N) { ... lineItems(first: M) } } }` call for the
 *    batch, N chosen so the call stays within the 1000-point cost cap (more calls only when even N = 1
 *    does not fit; see planOrderChunks);
 * 2. only for customers with more orders, rounds of follow-up calls `cN: customer(id:) { orders(after:) }`,
 *    the round's customers spread over as few calls as the cap allows (aliases), each page sized the same
 *    way as in step 1, until every list ends;
 * 3. only for orders with more than M line items, follow-up calls `oN: node(id:) { ... on Order {
 *    lineItems(after:) } }` likewise.
 * Results in input order: the orders, `[]` for an unknown customer, a `rejected` UpstreamError for an id
 * that is not a Customer GID or numeric id (no call made), and a failed call's error in the slots of the
 * customers it served. Lists past `maxPages` are cut off and logged.
 */
export async function fetchOrdersByOwner(options: ResolvedShopifyOptions, ownerIds: readonly string[], ctx: CallContext): Promise<BatchResult<Order[]>> {
  const answers = await fetchCustomerOrders(options, ownerIds, ctx, { withCustomer: false, lineItems: true, limit: null });
  return answers.map((answer) => (answer instanceof Error ? answer : answer.orders));
}

/**
 * The adapter's `fetchWithRelated` (issue 17): the steps of {@link fetchOrdersByOwner}, but the first call is
 * `C360CustomersWithOrders`, which selects each customer's C360Customer fields beside its first orders, so
 * customers and orders come in one `nodes(ids:)` call (each customer's cost rises by CUSTOMER_COST, which
 * the sizing accounts for). With `want.lineItems === false` no line items are selected (`lineItems: []` on
 * every order, and no line-item follow-ups). Results in input order: `{ record, orders }` (`{ record: null,
 * orders: [] }` for an unknown customer; the orders' Error when a follow-up for that customer failed), a
 * `rejected` UpstreamError for an id that is not a Customer GID or numeric id, and a failed first call's
 * error in the slots of its customers. `want.orders` false still costs the same one call (records alone are
 * getByIds' job). With `want.ordersFirst` = N only each customer's newest N orders are read (first pages sized
 * to N, follow-ups only until N) and `ordersTotal` is the customer's `numberOfOrders`.
 */
export async function fetchCustomersWithOrders(options: ResolvedShopifyOptions, ids: readonly string[], want: RelatedWant, ctx: CallContext): Promise<BatchResult<RecordWithRelated>> {
  const limit = want.orders && want.ordersFirst !== undefined ? want.ordersFirst : null;
  const answers = await fetchCustomerOrders(options, ids, ctx, { withCustomer: true, lineItems: want.lineItems ?? true, limit });
  return answers.map((answer) => {
    if (answer instanceof Error) return answer;
    if (!want.orders) return { record: answer.record };
    return { record: answer.record, orders: answer.orders, ...(answer.total === undefined || answer.orders instanceof Error ? {} : { ordersTotal: answer.total }) };
  });
}

async function fetchCustomerOrders(options: ResolvedShopifyOptions, ownerIds: readonly string[], ctx: CallContext, shape: OrdersShape): Promise<CustomerAnswer[]> {
  const normalised = ownerIds.map((id) => toShopifyId(id, 'Customer'));
  const wanted = [...new Set(normalised.filter((id): id is string => id !== null))];
  const lineItemsFirst = options.lineItemsPageSize;
  const firstCost = ordersCostModel(shape.lineItems ? lineItemsFirst : null, shape.withCustomer);
  const moreCost = ordersCostModel(shape.lineItems ? lineItemsFirst : null);
  const pageVariables = shape.lineItems ? { lineItemsFirst } : {};
  const customers = new Map<string, CustomerState>();
  const moreOrders: Array<PendingConnection<string>> = [];
  const moreLineItems: Array<PendingConnection<string>> = [];
  const orderOwner = new Map<string, string>();

  const addOrders = (customerId: string, page: ConnectionPage<WireOrder>): void => {
    const customer = customers.get(customerId);
    if (!customer) return;
    for (const wire of page.nodes) {
      if (customer.orders.has(wire.id)) continue;
      customer.orders.set(wire.id, { wire, lineItems: [...(wire.lineItems?.nodes ?? [])] });
      orderOwner.set(wire.id, customerId);
      if (!wire.lineItems?.pageInfo.hasNextPage) continue;
      const after = wire.lineItems.pageInfo.endCursor;
      if (after === null) customer.error = loopError(options.name, null);
      else moreLineItems.push({ key: wire.id, after, pagesRead: 1 });
    }
  };
  const fail = (customerId: string | undefined, error: unknown): void => {
    const customer = customerId === undefined ? undefined : customers.get(customerId);
    if (customer && !customer.error) customer.error = toError(error);
  };
  const truncated = (operation: string) => (_key: string, pagesRead: number) => {
    options.logger?.warn({ source: options.name, operation, pages: pagesRead }, 'Shopify list cut off at maxPages');
  };

  let offset = 0;
  const pageSize = shape.limit === null ? options.ordersPageSize : Math.max(1, Math.min(options.ordersPageSize, shape.limit));
  const enough = (customerId: string): boolean => shape.limit !== null && (customers.get(customerId)?.orders.size ?? 0) >= shape.limit;
  for (const chunkPlan of planOrderChunks(wanted.length, pageSize, firstCost)) {
    const chunk = wanted.slice(offset, offset + chunkPlan.size);
    offset += chunkPlan.size;
    for (const id of chunk) customers.set(id, { orders: new Map(), error: null, record: null });
    try {
      // https://shopify.dev/docs/api/admin-graphql/latest/queries/nodes + Customer.orders
      const request = {
        name: shape.withCustomer ? 'C360CustomersWithOrders' : 'C360OrdersByCustomers',
        query: ordersByCustomersQuery(shape),
        variables: { ids: chunk.map((id) => toShopifyGid('Customer', id)), ordersFirst: chunkPlan.ordersFirst, ...pageVariables },
      };
      const withCustomers = shape.withCustomer ? await requestShopify(options, request, wireCustomersWithOrders, ctx.signal) : null;
      const data: { nodes: Array<{ id: string; orders: WireOrderPage } | null> } = withCustomers ?? (await requestShopify(options, request, wireOrdersByCustomer, ctx.signal));
      if (data.nodes.length !== chunk.length) {
        throw new UpstreamError({ source: options.name, kind: 'bad_response', message: `Shopify answered ${data.nodes.length} nodes for ${chunk.length} ids` });
      }
      chunk.forEach((id, i) => {
        const node = data.nodes[i];
        if (!node) return;
        const withCustomer = withCustomers?.nodes[i];
        const customer = customers.get(id);
        if (withCustomer && customer) {
          customer.record = mapCustomer(withCustomer, options.name);
          const total = Number(withCustomer.numberOfOrders);
          if (withCustomer.numberOfOrders !== undefined && Number.isSafeInteger(total) && total >= 0) customer.total = total;
        }
        addOrders(id, node.orders);
        const { hasNextPage, endCursor } = node.orders.pageInfo;
        if (!hasNextPage || enough(id)) return;
        if (endCursor === null) fail(id, loopError(options.name, null));
        else moreOrders.push({ key: id, after: endCursor, pagesRead: 1 });
      });
    } catch (error) {
      for (const id of chunk) fail(id, error);
    }
  }

  await followConnections<string, WireOrder>({
    source: options.name,
    pending: moreOrders,
    perCall: (pending) => customersPerCall(pending, moreCost),
    maxPages: options.maxPages,
    stopEarly: enough,
    fetchBatch: async (batch) => {
      const ordersFirst = ordersFirstFor(batch.length, pageSize, moreCost);
      // https://shopify.dev/docs/api/admin-graphql/latest/queries/customer + Customer.orders
      const data = await requestShopify(
        options,
        { name: 'C360MoreOrders', query: moreOrdersQuery(batch.length, shape.lineItems), variables: { ordersFirst, ...pageVariables, ...aliasVariables(batch, 'Customer') } },
        aliasedAnswer(options.name, 'c', batch.length, wireCustomerOrdersAlias),
        ctx.signal,
      );
      return batch.map((_, i) => data[i]?.orders ?? null);
    },
    onNodes: (id, nodes) => addOrders(id, { nodes, pageInfo: { hasNextPage: false, endCursor: null } }),
    onError: fail,
    onTruncated: truncated('C360MoreOrders'),
  });

  await followConnections<string, WireLineItem>({
    source: options.name,
    pending: moreLineItems.filter((p) => !customers.get(orderOwner.get(p.key) ?? '')?.error),
    perCall: lineItemOrdersPerCall(),
    maxPages: options.maxPages,
    fetchBatch: async (batch) => {
      // https://shopify.dev/docs/api/admin-graphql/latest/queries/node + Order.lineItems
      const data = await requestShopify(
        options,
        { name: 'C360MoreLineItems', query: moreLineItemsQuery(batch.length), variables: { lineItemsFirst: MORE_LINE_ITEMS_FIRST, ...aliasVariables(batch, 'Order') } },
        aliasedAnswer(options.name, 'o', batch.length, wireOrderLineItemsAlias),
        ctx.signal,
      );
      return batch.map((_, i) => data[i]?.lineItems ?? null);
    },
    onNodes: (orderGid, nodes) => {
      const owner = customers.get(orderOwner.get(orderGid) ?? '');
      owner?.orders.get(orderGid)?.lineItems.push(...nodes);
    },
    onError: (orderGid, error) => fail(orderOwner.get(orderGid), error),
    onTruncated: truncated('C360MoreLineItems'),
  });

  return ownerIds.map((id, i): CustomerAnswer => {
    const key = normalised[i];
    if (key === null || key === undefined) return invalidIdError(options.name, id);
    const customer = customers.get(key);
    if (!customer) return { record: null, orders: [] };
    // A failed first call failed the customer's record too; a failed follow-up only its orders.
    if (customer.error && customer.record === null && shape.withCustomer) return customer.error;
    if (customer.error) return { record: customer.record, orders: customer.error };
    const ownerRef = { source: options.name, id: key };
    const orders = sortNewestFirst(Array.from(customer.orders.values(), (o) => mapOrder(o.wire, o.lineItems, ownerRef)));
    if (shape.limit === null) return { record: customer.record, orders };
    // Cut to the newest `limit`; without a usable numberOfOrders the count is unknown, so it is an error.
    if (customer.record === null) return { record: null, orders: [], total: 0 };
    if (customer.total === undefined) return { record: customer.record, orders: new UpstreamError({ source: options.name, kind: 'bad_response', message: 'Shopify answered no numberOfOrders for a customer' }) };
    return { record: customer.record, orders: orders.slice(0, shape.limit), total: Math.max(customer.total, orders.length) };
  });
}

/** `$idN`/`$afterN` variables for a follow-up batch; order keys are already GIDs. */
function aliasVariables(batch: ReadonlyArray<PendingConnection<string>>, type: 'Customer' | 'Order'): Record<string, string> {
  const variables: Record<string, string> = {};
  batch.forEach((entry, i) => {
    variables[`id${i}`] = type === 'Customer' ? toShopifyGid('Customer', entry.key) : entry.key;
    variables[`after${i}`] = entry.after ?? '';
  });
  return variables;
}

/** A schema for `{<prefix>0: T, <prefix>1: T, …}` that yields the entries by index; every alias must be present. */
function aliasedAnswer<T>(source: string, prefix: string, count: number, item: z.ZodType<T>): z.ZodType<T[]> {
  return z.record(z.string(), z.unknown()).transform((data, ctx) => {
    const entries: T[] = [];
    for (let i = 0; i < count; i += 1) {
      const parsed = item.safeParse(data[`${prefix}${i}`]);
      if (!parsed.success || !(`${prefix}${i}` in data)) {
        ctx.addIssue({ code: 'custom', path: [`${prefix}${i}`], message: `missing or malformed alias in ${source}'s answer` });
        return z.NEVER;
      }
      entries.push(parsed.data);
    }
    return entries;
  });
}
