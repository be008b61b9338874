/** What a support request is about; shared by Salesforce cases and Zendesk tickets. */
export interface SupportTopic {
  readonly subject: string;
  readonly description: string;
  /** Zendesk-style tags (lower case, no spaces). */
  readonly tags: readonly string[];
}

/** Everyday commerce support requests. */
export const SUPPORT_TOPICS: readonly SupportTopic[] = [
  {
    subject: 'Order arrived damaged',
    description: 'The parcel arrived with the box crushed and the item inside cracked. I would like a replacement.',
    tags: ['shipping', 'damaged'],
  },
  {
    subject: 'Where is my order?',
    description: 'My order still shows as in transit after more than a week. Can you check where it is?',
    tags: ['shipping', 'wismo'],
  },
  {
    subject: 'Refund not received',
    description: 'I returned my items two weeks ago but have not seen the refund on my card yet.',
    tags: ['refund', 'billing'],
  },
  {
    subject: 'Cannot log in to my account',
    description: 'The password reset email never arrives, so I cannot log in to my account.',
    tags: ['account', 'login'],
  },
  {
    subject: 'Change shipping address',
    description: 'I moved recently. Please update the shipping address on my open order.',
    tags: ['shipping', 'address_change'],
  },
  {
    subject: 'Wrong size delivered',
    description: 'I ordered a medium but received a large. How do I exchange it?',
    tags: ['exchange', 'fulfilment_error'],
  },
  {
    subject: 'Charged twice for one order',
    description: 'My card statement shows two charges for the same order. Please refund the duplicate.',
    tags: ['billing', 'duplicate_charge'],
  },
  {
    subject: 'Product stopped working',
    description: 'The item stopped working after a month of normal use. Is it covered by the warranty?',
    tags: ['warranty', 'product_issue'],
  },
  {
    subject: 'Missing item in package',
    description: 'One of the items on my packing slip was not in the box.',
    tags: ['shipping', 'missing_item'],
  },
  {
    subject: 'Unsubscribe from marketing emails',
    description: 'Please stop sending me promotional emails.',
    tags: ['marketing', 'consent'],
  },
  {
    subject: 'Question about loyalty points',
    description: 'My loyalty points from my last purchase are not showing on my account.',
    tags: ['loyalty', 'account'],
  },
  {
    subject: 'Cancel my order',
    description: 'I placed an order by mistake. Please cancel it before it ships.',
    tags: ['cancellation'],
  },
];
