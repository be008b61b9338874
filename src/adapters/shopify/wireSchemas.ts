// Internal: the minimal shapes of Shopify GraphQL Admin answers the adapter relies on. Unknown extra fields
// are allowed (and dropped); a missing or mistyped field the adapter needs makes the answer a bad_response.
import { z } from 'zod';

const optionalText = z.string().nullable().optional();
const gid = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/[1-9]\\d*(\\?.*)?$`), `expected a ${type} GID`);

/** `MoneyV2` (https://shopify.dev/docs/api/admin-graphql/latest/objects/MoneyV2); amounts are decimal strings. */
const wireMoney = z.object({ amount: z.string(), currencyCode: z.string() });

/** `pageInfo` as the adapter selects it. */
export const wirePageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });
export type WirePageInfo = z.infer<typeof wirePageInfo>;

/** A Customer as the C360Customer fragment selects it (https://shopify.dev/docs/api/admin-graphql/latest/objects/Customer). */
export const wireCustomer = z.object({
  id: gid('Customer'),
  firstName: optionalText,
  lastName: optionalText,
  displayName: optionalText,
  email: optionalText,
  phone: optionalText,
  defaultEmailAddress: z.object({ emailAddress: optionalText, marketingState: optionalText }).nullable().optional(),
  defaultPhoneNumber: z.object({ phoneNumber: optionalText, marketingState: optionalText }).nullable().optional(),
  defaultAddress: z
    .object({ address1: optionalText, city: optionalText, provinceCode: optionalText, zip: optionalText, countryCodeV2: optionalText })
    .nullable()
    .optional(),
  createdAt: optionalText,
  updatedAt: optionalText,
});
export type WireCustomer = z.infer<typeof wireCustomer>;

/** A LineItem as C360LineItem selects it (https://shopify.dev/docs/api/admin-graphql/latest/objects/LineItem). */
export const wireLineItem = z.object({
  id: gid('LineItem'),
  title: z.string(),
  sku: optionalText,
  quantity: z.number().int(),
  originalUnitPriceSet: z.object({ shopMoney: wireMoney }),
});
export type WireLineItem = z.infer<typeof wireLineItem>;

/** A page of line items. */
export const wireLineItemPage = z.object({ nodes: z.array(wireLineItem), pageInfo: wirePageInfo });
export type WireLineItemPage = z.infer<typeof wireLineItemPage>;

/** An Order as C360Order selects it (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order). */
export const wireOrder = z.object({
  id: gid('Order'),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: optionalText,
  cancelledAt: optionalText,
  displayFinancialStatus: optionalText,
  displayFulfillmentStatus: optionalText,
  totalPriceSet: z.object({ shopMoney: wireMoney }),
  /** Absent when the query left line items out. */
  lineItems: wireLineItemPage.optional(),
});
export type WireOrder = z.infer<typeof wireOrder>;

/** A page of orders. */
export const wireOrderPage = z.object({ nodes: z.array(wireOrder), pageInfo: wirePageInfo });
export type WireOrderPage = z.infer<typeof wireOrderPage>;

/** `customers(...)` answer of the search query. */
export const wireCustomerSearch = z.object({ customers: z.object({ nodes: z.array(wireCustomer), pageInfo: wirePageInfo }) });

/** `nodes(ids:)` answer of the by-id query: a Customer or null per id. */
export const wireCustomerNodes = z.object({ nodes: z.array(wireCustomer.nullable()) });

/** `nodes(ids:)` answer of the first orders query: each customer's first page of orders, or null. */
export const wireOrdersByCustomer = z.object({
  nodes: z.array(z.object({ id: gid('Customer'), orders: wireOrderPage }).nullable()),
});

/** `nodes(ids:)` answer of the fused query (C360CustomersWithOrders): each customer with its first page of orders, or null. */
export const wireCustomersWithOrders = z.object({
  nodes: z.array(wireCustomer.extend({ numberOfOrders: z.string().optional(), orders: wireOrderPage }).nullable()),
});

/** One alias of the follow-up orders query: `cN: customer(id:) { orders {...} }`. */
export const wireCustomerOrdersAlias = z.object({ orders: wireOrderPage }).nullable();

/** One alias of the follow-up line items query: `oN: node(id:) { ... on Order { lineItems {...} } }`. */
export const wireOrderLineItemsAlias = z.object({ lineItems: wireLineItemPage }).nullable();

/** `orders(query:)` with each order's name and owner (C360OrderOwners). */
export const wireOrderOwners = z.object({
  orders: z.object({ nodes: z.array(z.object({ id: z.string(), name: z.string(), customer: wireCustomer.nullable() })), pageInfo: wirePageInfo }),
});
