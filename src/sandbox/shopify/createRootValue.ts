import type { ShopifyCustomer } from '../dataset/types.js';
import type { ShopifyStore } from './createShopifyStore.js';
import { createViews, displayNameOf, type OrdersArgs, type View } from './createViews.js';
import { checkCustomerPatch } from './checkCustomerPatch.js';
import { matchCustomerTerm } from './matchCustomerTerm.js';
import { matchesSearch } from './matchesSearch.js';
import { paginate, type Connection, type ConnectionArgs } from './paginate.js';
import { parseSearchQuery } from './parseSearchQuery.js';
import { parseShopifyGid } from './parseShopifyGid.js';
import { sortRecords } from './sortRecords.js';

/** Arguments of `QueryRoot.customers`. */
export interface CustomersArgs extends ConnectionArgs {
  readonly query?: string | null;
  readonly sortKey?: 'CREATED_AT' | 'ID' | 'NAME' | 'RELEVANCE' | 'UPDATED_AT' | null;
  readonly reverse?: boolean | null;
}

/** Internal: the `QueryRoot` resolvers over the store, for graphql-js's default field resolver. */
export interface ShopifyRootValue {
  customers(args: CustomersArgs): Connection<View>;
  customer(args: { id: string }): View | null;
  nodes(args: { ids: readonly string[] }): Array<View | null>;
  node(args: { id: string }): View | null;
  orders(args: OrdersArgs): Connection<View>;
  customerUpdate(args: { input: Record<string, unknown> }): { customer: View | null; userErrors: Array<{ field: string[]; message: string }> };
}

/**
 * Builds the root value. Argument limits (first ≤ 250, ids ≤ 250) are enforced before execution.
 * `onCustomerUpdated` is told about every customer `customerUpdate` changed (the webhook sender).
 */
export function createRootValue(store: ShopifyStore, onCustomerUpdated: (customer: ShopifyCustomer) => void = () => undefined): ShopifyRootValue {
  const views = createViews(store);

  function resolveNode(gid: string): View | null {
    const { type, id } = parseShopifyGid(gid);
    switch (type) {
      case 'Customer': {
        const customer = store.customerById.get(id);
        return customer ? views.customer(customer) : null;
      }
      case 'Order': {
        const order = store.orderById.get(id);
        return order ? views.order(order) : null;
      }
      case 'LineItem': {
        const found = store.lineItemById.get(id);
        return found ? views.lineItem(found.order, found.item) : null;
      }
      default:
        return null;
    }
  }

  return {
    customers(args) {
      const query = parseSearchQuery(args.query ?? '');
      const matching = store.customers.filter((customer) => matchesSearch(query, (term) => matchCustomerTerm(customer, term)));
      const sorted = sortRecords(matching, customerSortKey(args.sortKey ?? 'ID'), args.reverse ?? false);
      return paginate(sorted, args, (customer) => customer.id, views.customer);
    },
    customer: ({ id }) => {
      const view = resolveNode(id);
      return view?.['__typename'] === 'Customer' ? view : null;
    },
    nodes: ({ ids }) => ids.map(resolveNode),
    node: ({ id }) => resolveNode(id),
    orders: (args) => views.orderConnection(store.orders, args),
    // https://shopify.dev/docs/api/admin-graphql/latest/mutations/customerUpdate : problems are userErrors, not errors.
    customerUpdate({ input }) {
      const gid = typeof input['id'] === 'string' ? input['id'] : '';
      const id = /^gid:\/\/shopify\/Customer\/\d+$/.test(gid) ? parseShopifyGid(gid).id : NaN;
      if (!store.customerById.has(id)) return { customer: null, userErrors: [{ field: ['id'], message: 'Customer does not exist' }] };
      const checked = checkCustomerPatch(input, store, id);
      if ('errors' in checked) return { customer: null, userErrors: Object.entries(checked.errors).map(([field, message]) => ({ field: [field], message: `${field === 'email' ? 'Email' : field} ${message}` })) };
      const updated = store.updateCustomer(id, checked.patch)!;
      onCustomerUpdated(updated);
      return { customer: views.customer(updated), userErrors: [] };
    },
  };
}

function customerSortKey(sortKey: NonNullable<CustomersArgs['sortKey']>): (customer: ShopifyCustomer) => string | number {
  switch (sortKey) {
    case 'CREATED_AT':
      return (c) => c.createdAt;
    case 'UPDATED_AT':
      return (c) => c.updatedAt;
    case 'NAME':
      return (c) => displayNameOf(c).toLowerCase();
    case 'ID':
    case 'RELEVANCE':
      return (c) => c.id;
    default: {
      const unreachable: never = sortKey;
      return unreachable;
    }
  }
}
