import type { Money } from './Money.js';
import type { FetchInfo } from './FetchInfo.js';
import type { SourceRef } from './SourceRef.js';

/** One line of an order. */
export interface OrderLineItem {
  readonly title: string;
  readonly sku: string | null;
  readonly quantity: number;
  readonly unitPrice: Money;
}

/** An order in a commerce source, owned by one customer record (`ownerRef`). */
export interface Order {
  readonly ref: SourceRef;
  readonly ownerRef: SourceRef;
  /** The number a person quotes, e.g. Shopify `#1001`. */
  readonly number: string;
  readonly createdAt: string;
  readonly updatedAt: string | null;
  readonly cancelledAt: string | null;
  /** Vendor status text, upper case (`PAID`, `REFUNDED`, ...). */
  readonly financialStatus: string | null;
  readonly fulfillmentStatus: string | null;
  readonly total: Money;
  readonly lineItems: readonly OrderLineItem[];
  /** How this value reached the request; absent = fetched live now. */
  readonly fetch?: FetchInfo;
}
