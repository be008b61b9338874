import type { ShopifyCustomer, ShopifyLineItem, ShopifyOrder } from '../dataset/types.js';
import type { ShopifyStore } from './createShopifyStore.js';
import { matchesSearch } from './matchesSearch.js';
import { matchOrderTerm } from './matchOrderTerm.js';
import { paginate, type Connection, type ConnectionArgs } from './paginate.js';
import { parseSearchQuery } from './parseSearchQuery.js';
import { sortRecords } from './sortRecords.js';

/** Arguments of an orders connection (`QueryRoot.orders`, `Customer.orders`). */
export interface OrdersArgs extends ConnectionArgs {
  readonly query?: string | null;
  readonly sortKey?: 'CREATED_AT' | 'ID' | 'PROCESSED_AT' | 'UPDATED_AT' | null;
  readonly reverse?: boolean | null;
}

/** A rendered object the default resolvers read; functions are called with the field's arguments. */
export type View = Record<string, unknown>;

/** Internal: renders dataset records as Shopify Admin GraphQL objects. */
export interface Views {
  customer(customer: ShopifyCustomer): View;
  order(order: ShopifyOrder): View;
  lineItem(order: ShopifyOrder, item: ShopifyLineItem): View;
  /** Filters (`query`), sorts and pages a list of orders. */
  orderConnection(orders: readonly ShopifyOrder[], args: OrdersArgs): Connection<View>;
}

/**
 * Builds the renderers over `store`. Customer and order views reference each other lazily (functions),
 * so a query only renders what it selects.
 */
export function createViews(store: ShopifyStore): Views {
  const views: Views = {
    customer: (c) => ({
      __typename: 'Customer',
      id: `gid://shopify/Customer/${c.id}`,
      legacyResourceId: String(c.id),
      firstName: c.firstName,
      lastName: c.lastName,
      displayName: displayNameOf(c),
      email: c.email,
      phone: c.phone,
      defaultEmailAddress: c.email === null ? null : { emailAddress: c.email, marketingState: c.emailMarketingState },
      defaultPhoneNumber: c.phone === null ? null : { phoneNumber: c.phone, marketingState: c.smsMarketingState },
      numberOfOrders: () => String(store.ordersOf(c.id).length),
      amountSpent: () => amountSpentOf(store.ordersOf(c.id)),
      createdAt: toShopifyDateTime(c.createdAt),
      updatedAt: toShopifyDateTime(c.updatedAt),
      state: c.state,
      tags: c.tags,
      note: c.note,
      verifiedEmail: c.email !== null,
      defaultAddress:
        c.defaultAddress === null
          ? null
          : {
              address1: c.defaultAddress.address1,
              city: c.defaultAddress.city,
              provinceCode: c.defaultAddress.provinceCode,
              zip: c.defaultAddress.zip,
              countryCodeV2: c.defaultAddress.countryCode,
            },
      orders: (args: OrdersArgs) => views.orderConnection(store.ordersOf(c.id), { sortKey: 'ID', ...args }),
    }),
    order: (o) => ({
      __typename: 'Order',
      id: `gid://shopify/Order/${o.id}`,
      legacyResourceId: String(o.id),
      name: o.name,
      createdAt: toShopifyDateTime(o.createdAt),
      processedAt: toShopifyDateTime(o.processedAt),
      updatedAt: toShopifyDateTime(o.updatedAt),
      cancelledAt: o.cancelledAt === null ? null : toShopifyDateTime(o.cancelledAt),
      displayFinancialStatus: o.displayFinancialStatus,
      displayFulfillmentStatus: o.displayFulfillmentStatus,
      currencyCode: o.currencyCode,
      totalPriceSet: moneyBag(o.totalPrice, o.currencyCode),
      subtotalPriceSet: moneyBag(o.subtotalPrice, o.currencyCode),
      totalTaxSet: moneyBag(o.totalTax, o.currencyCode),
      customer: () => {
        const owner = store.customerById.get(o.customerId);
        return owner ? views.customer(owner) : null;
      },
      lineItems: (args: ConnectionArgs & { reverse?: boolean | null }) =>
        paginate(args.reverse ? [...o.lineItems].reverse() : o.lineItems, args, (item) => item.id, (item) => views.lineItem(o, item)),
    }),
    lineItem: (o, item) => ({
      __typename: 'LineItem',
      id: `gid://shopify/LineItem/${item.id}`,
      title: item.title,
      sku: item.sku,
      quantity: item.quantity,
      originalUnitPriceSet: moneyBag(item.unitPrice, o.currencyCode),
    }),
    orderConnection: (orders, args) => {
      const query = parseSearchQuery(args.query ?? '');
      const matching = orders.filter((order) => matchesSearch(query, (term) => matchOrderTerm(order, term)));
      const sorted = sortRecords(matching, orderSortKey(args.sortKey ?? 'ID'), args.reverse ?? false);
      return paginate(sorted, args, (order) => order.id, views.order);
    },
  };
  return views;
}

function orderSortKey(sortKey: NonNullable<OrdersArgs['sortKey']>): (order: ShopifyOrder) => string | number {
  switch (sortKey) {
    case 'CREATED_AT':
      return (o) => o.createdAt;
    case 'PROCESSED_AT':
      return (o) => o.processedAt;
    case 'UPDATED_AT':
      return (o) => o.updatedAt;
    case 'ID':
      return (o) => o.id;
    default: {
      const unreachable: never = sortKey;
      return unreachable;
    }
  }
}

/** Shopify shows the full name, else the email, else the phone, else "". */
export function displayNameOf(c: ShopifyCustomer): string {
  const name = [c.firstName, c.lastName].filter((part): part is string => Boolean(part && part.trim())).join(' ');
  return name || c.email || c.phone || '';
}

/** Shopify's DateTime format: ISO 8601 UTC without milliseconds (`2025-04-15T19:26:33Z`). */
export function toShopifyDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function moneyBag(amount: string, currencyCode: string): View {
  const money = { amount, currencyCode };
  return { shopMoney: money, presentmentMoney: money };
}

/** Total of non-cancelled orders, in the first order's currency (USD when there are none). */
function amountSpentOf(orders: readonly ShopifyOrder[]): View {
  const cents = orders.filter((o) => o.cancelledAt === null).reduce((sum, o) => sum + Math.round(Number(o.totalPrice) * 100), 0);
  return { amount: (cents / 100).toFixed(2), currencyCode: orders[0]?.currencyCode ?? 'USD' };
}
