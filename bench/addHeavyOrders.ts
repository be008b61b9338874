import type { SandboxDataset, ShopifyOrder } from '../src/sandbox/dataset/types.js';

/**
 * Returns a copy of `dataset` where one Shopify customer (the one owning `dataset.shopify.orders[0]`) has
 * exactly `count` orders (default 1 000): their existing orders plus copies of them with fresh ids, names
 * and creation times one hour apart going back from the original. Other records are untouched, so the
 * default dataset's output does not change; only the bench uses this. Returns the customer's id as text.
 */
export function addHeavyOrders(dataset: SandboxDataset, count = 1_000): { dataset: SandboxDataset; shopifyCustomerId: string } {
  const first = dataset.shopify.orders[0];
  if (!first) throw new Error('the dataset has no Shopify orders');
  const owner = first.customerId;
  const own = dataset.shopify.orders.filter((o) => o.customerId === owner);
  let nextId = Math.max(...dataset.shopify.orders.map((o) => o.id)) + 1;
  let nextName = 900_000;
  const extra: ShopifyOrder[] = [];
  for (let i = 0; own.length + extra.length < count; i += 1) {
    const template = own[i % own.length]!;
    const at = new Date(Date.parse(template.createdAt) - (i + 1) * 3_600_000).toISOString().replace('.000Z', 'Z');
    extra.push({ ...template, id: nextId, name: `#${nextName}`, createdAt: at, processedAt: at, updatedAt: at, lineItems: template.lineItems.map((l) => ({ ...l, id: l.id * 10_000 + i })) });
    nextId += 1;
    nextName += 1;
  }
  return { dataset: { ...dataset, shopify: { ...dataset.shopify, orders: [...dataset.shopify.orders, ...extra] } }, shopifyCustomerId: String(owner) };
}
