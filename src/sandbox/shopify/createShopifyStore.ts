import type { SandboxDataset, ShopifyCustomer, ShopifyLineItem, ShopifyOrder } from '../dataset/types.js';

/** Internal: the dataset's Shopify records, indexed for the resolvers. Built once per sandbox. */
export interface ShopifyStore {
  /** Sorted by id. */
  readonly customers: readonly ShopifyCustomer[];
  /** Sorted by id. */
  readonly orders: readonly ShopifyOrder[];
  readonly customerById: ReadonlyMap<number, ShopifyCustomer>;
  readonly orderById: ReadonlyMap<number, ShopifyOrder>;
  readonly lineItemById: ReadonlyMap<number, { readonly order: ShopifyOrder; readonly item: ShopifyLineItem }>;
  /** A customer's orders sorted by id; `[]` for a customer without orders. */
  ordersOf(customerId: number): readonly ShopifyOrder[];
  /**
   * Replaces a customer with `patch` applied and `updatedAt` set to now (the REST update endpoint); returns
   * the new customer, or null for an unknown id. The dataset itself is never modified.
   */
  updateCustomer(id: number, patch: CustomerPatch): ShopifyCustomer | null;
}

/** Customer fields the sandbox lets a caller change. */
export type CustomerPatch = Partial<Pick<ShopifyCustomer, 'firstName' | 'lastName' | 'email' | 'phone' | 'note' | 'tags'>>;

/** Indexes `dataset.shopify`. The dataset is read, never modified (updates replace the store's own entries). */
export function createShopifyStore(dataset: SandboxDataset): ShopifyStore {
  const customers = [...dataset.shopify.customers].sort((a, b) => a.id - b.id);
  const orders = [...dataset.shopify.orders].sort((a, b) => a.id - b.id);
  const ordersByCustomer = new Map<number, ShopifyOrder[]>();
  const lineItemById = new Map<number, { order: ShopifyOrder; item: ShopifyLineItem }>();
  for (const order of orders) {
    const list = ordersByCustomer.get(order.customerId) ?? [];
    list.push(order);
    ordersByCustomer.set(order.customerId, list);
    for (const item of order.lineItems) lineItemById.set(item.id, { order, item });
  }
  const customerById = new Map(customers.map((c) => [c.id, c]));
  return {
    customers,
    orders,
    customerById,
    orderById: new Map(orders.map((o) => [o.id, o])),
    lineItemById,
    ordersOf: (customerId) => ordersByCustomer.get(customerId) ?? [],
    updateCustomer(id, patch) {
      const current = customerById.get(id);
      if (!current) return null;
      const next: ShopifyCustomer = { ...current, ...patch, updatedAt: new Date().toISOString() };
      customers[customers.indexOf(current)] = next;
      customerById.set(id, next);
      return next;
    },
  };
}
