// Internal: the GraphQL documents the adapter sends (https://shopify.dev/docs/api/admin-graphql) and their
// requested costs under Shopify's model (https://shopify.dev/docs/api/usage/rate-limits#cost-calculation):
// scalars and enums 0, each object 1, a connection 2 + first × (one node), `nodes(ids:)` per id.

/** Shopify's single-query cost cap; a costlier query fails with MAX_COST_EXCEEDED. */
export const MAX_QUERY_COST = 1000;
/** Shopify's cap on `first` and on `nodes(ids:)`. */
export const MAX_PAGE_SIZE = 250;

const CUSTOMER_FRAGMENT = `fragment C360Customer on Customer {
  id firstName lastName displayName email phone
  defaultEmailAddress { emailAddress marketingState }
  defaultPhoneNumber { phoneNumber marketingState }
  defaultAddress { address1 city provinceCode zip countryCodeV2 }
  createdAt updatedAt
}`;
/** One Customer with C360Customer: the customer and its three address/contact objects. */
export const CUSTOMER_COST = 4;

const LINE_ITEM_FRAGMENT = `fragment C360LineItem on LineItem {
  id title sku quantity originalUnitPriceSet { shopMoney { amount currencyCode } }
}`;
/** One LineItem with C360LineItem: the item, its MoneyBag and MoneyV2. */
export const LINE_ITEM_COST = 3;

const ORDER_FIELDS = `id name createdAt updatedAt cancelledAt displayFinancialStatus displayFulfillmentStatus
  totalPriceSet { shopMoney { amount currencyCode } }`;
const ORDER_FRAGMENT = `fragment C360Order on Order {
  ${ORDER_FIELDS}
  lineItems(first: $lineItemsFirst) { nodes { ...C360LineItem } pageInfo { hasNextPage endCursor } }
}
${LINE_ITEM_FRAGMENT}`;
/** C360Order without line items, for operations that read none (issue 17: fetch only what is selected). */
const ORDER_HEAD_FRAGMENT = `fragment C360Order on Order {
  ${ORDER_FIELDS}
}`;

/** One Order without line items: the order, its MoneyBag and MoneyV2. */
export const ORDER_HEAD_COST = 3;

/** One Order with C360Order and `lineItemsFirst` line items: order 1 + MoneyBag/MoneyV2 2 + the line items. */
export function orderCost(lineItemsFirst: number): number {
  return 3 + connectionCost(lineItemsFirst, LINE_ITEM_COST);
}

/** A customer object with an orders connection of `ordersFirst` orders. */
export function customerOrdersCost(ordersFirst: number, lineItemsFirst: number): number {
  return 1 + connectionCost(ordersFirst, orderCost(lineItemsFirst));
}

/**
 * What one customer's page of orders costs in a call: the customer's own objects (1 for a bare customer, or
 * {@link CUSTOMER_COST} with the C360Customer fields) and each order (with or without line items).
 */
export interface OrdersCostModel {
  readonly customer: number;
  readonly order: number;
}

/** The cost model for orders with `lineItemsFirst` line items each (null: none), with or without the customer's fields. */
export function ordersCostModel(lineItemsFirst: number | null, withCustomer = false): OrdersCostModel {
  return { customer: withCustomer ? CUSTOMER_COST : 1, order: lineItemsFirst === null ? ORDER_HEAD_COST : orderCost(lineItemsFirst) };
}

/** A connection of `first` nodes costing `nodeCost` each. */
export function connectionCost(first: number, nodeCost: number): number {
  return 2 + first * nodeCost;
}

/** Largest `first` whose connection of `nodeCost` nodes, plus `overhead`, stays within the cost cap. */
export function largestFirst(nodeCost: number, overhead = 0): number {
  return Math.max(0, Math.min(MAX_PAGE_SIZE, Math.floor((MAX_QUERY_COST - overhead - 2) / nodeCost)));
}

/** `customers(query:)` page; variables `query`, `first`, `after`. Cost connectionCost(first, CUSTOMER_COST). */
export const SEARCH_CUSTOMERS = `query C360SearchCustomers($query: String!, $first: Int!, $after: String) {
  customers(first: $first, after: $after, query: $query, sortKey: ID) {
    nodes { ...C360Customer }
    pageInfo { hasNextPage endCursor }
  }
}
${CUSTOMER_FRAGMENT}`;

/** Customers by GID; variable `ids`. Cost ids × CUSTOMER_COST. */
export const CUSTOMERS_BY_IDS = `query C360CustomersByIds($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Customer { ...C360Customer } }
}
${CUSTOMER_FRAGMENT}`;

/** First page of orders for many customers; variables `ids`, `ordersFirst`, `lineItemsFirst`. Cost ids × customerOrdersCost. */
export const ORDERS_BY_CUSTOMERS = ordersByCustomersQuery({ withCustomer: false, lineItems: true });

/**
 * The first-page orders query (https://shopify.dev/docs/api/admin-graphql/latest/queries/nodes + Customer.orders):
 * `C360OrdersByCustomers`, or with `withCustomer` `C360CustomersWithOrders`, which also selects each
 * customer's C360Customer fields and `numberOfOrders` (a scalar: no cost), so one call answers both the
 * customer records and their orders, and the order count when only the newest orders are read (issue 17).
 * Without `lineItems` the orders carry no line items and the query has no `$lineItemsFirst`. Variables `ids`,
 * `ordersFirst` (and `lineItemsFirst`). Cost ids × (model.customer + connectionCost(ordersFirst, model.order))
 * for `ordersCostModel(lineItems ? lineItemsFirst : null, withCustomer)`.
 */
export function ordersByCustomersQuery(shape: { readonly withCustomer: boolean; readonly lineItems: boolean }): string {
  const name = shape.withCustomer ? 'C360CustomersWithOrders' : 'C360OrdersByCustomers';
  const vars = shape.lineItems ? '$ids: [ID!]!, $ordersFirst: Int!, $lineItemsFirst: Int!' : '$ids: [ID!]!, $ordersFirst: Int!';
  const fragments = [shape.lineItems ? ORDER_FRAGMENT : ORDER_HEAD_FRAGMENT, ...(shape.withCustomer ? [CUSTOMER_FRAGMENT] : [])].join('\n');
  return `query ${name}(${vars}) {
  nodes(ids: $ids) {
    ... on Customer {
      id${shape.withCustomer ? ' ...C360Customer numberOfOrders' : ''}
      orders(first: $ordersFirst, sortKey: CREATED_AT, reverse: true) {
        nodes { ...C360Order }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}
${fragments}`;
}

/**
 * Next pages of orders for `count` customers in one call, one alias `cN` each; variables `idN`, `afterN`,
 * `ordersFirst`, `lineItemsFirst`. Cost count × customerOrdersCost.
 */
export function moreOrdersQuery(count: number, lineItems = true): string {
  const vars = aliasVariables(count);
  const fields = range(count).map(
    (i) => `  c${i}: customer(id: $id${i}) {
    orders(first: $ordersFirst, after: $after${i}, sortKey: CREATED_AT, reverse: true) { nodes { ...C360Order } pageInfo { hasNextPage endCursor } }
  }`,
  );
  const pageVars = lineItems ? '$ordersFirst: Int!, $lineItemsFirst: Int!' : '$ordersFirst: Int!';
  return `query C360MoreOrders(${pageVars}, ${vars}) {\n${fields.join('\n')}\n}\n${lineItems ? ORDER_FRAGMENT : ORDER_HEAD_FRAGMENT}`;
}

/** Line items of an order beyond the first page, in the follow-up call: one page of this many per alias. */
export const MORE_LINE_ITEMS_FIRST = 100;

/**
 * Next pages of line items for `count` orders in one call, one alias `oN` each; variables `idN`,
 * `afterN`, `lineItemsFirst`. Cost count × (1 + connectionCost(lineItemsFirst, LINE_ITEM_COST)).
 */
export function moreLineItemsQuery(count: number): string {
  const fields = range(count).map(
    (i) => `  o${i}: node(id: $id${i}) {
    ... on Order { lineItems(first: $lineItemsFirst, after: $after${i}) { nodes { ...C360LineItem } pageInfo { hasNextPage endCursor } } }
  }`,
  );
  return `query C360MoreLineItems($lineItemsFirst: Int!, ${aliasVariables(count)}) {\n${fields.join('\n')}\n}\n${LINE_ITEM_FRAGMENT}`;
}

function aliasVariables(count: number): string {
  return range(count)
    .map((i) => `$id${i}: ID!, $after${i}: String!`)
    .join(', ');
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

/** One Order with its owner: order 1 + C360Customer. */
export const ORDER_OWNER_COST = 1 + CUSTOMER_COST;

/** Orders by search query with their customers; variables `query`, `first`. Cost connectionCost(first, ORDER_OWNER_COST). */
export const ORDER_OWNERS = `query C360OrderOwners($query: String!, $first: Int!) {
  orders(first: $first, query: $query, sortKey: ID) {
    nodes { id name customer { ...C360Customer } }
    pageInfo { hasNextPage endCursor }
  }
}
${CUSTOMER_FRAGMENT}`;
