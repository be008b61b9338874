import { en, en_US, Faker } from '@faker-js/faker';
import { createClock } from './createClock.js';
import { createPeople } from './createPeople.js';
import { createSalesforce } from './createSalesforce.js';
import { createShopify } from './createShopify.js';
import { createZendesk } from './createZendesk.js';
import { resolveOptions } from './resolveOptions.js';
import type { GenerateDatasetOptions, SandboxDataset } from './types.js';

/**
 * Generates the sandbox's synthetic world: `size` ground-truth people (default 1000) and their noisy records
 * in Salesforce, Shopify and Zendesk, with two years of history before `now` (default
 * `2026-11-01T00:00:00.000Z`), plus the ground truth linking every Contact, Customer and User to its person.
 *
 * Deterministic: every value comes from one Faker seeded with `seed` (default 42), so equal (seed, size, now)
 * give deep-equal datasets; the clock and `Math.random` are never read. All names, emails (reserved example
 * domains), phones (555 exchange) and addresses are fictional. The result is plain JSON-serialisable data
 * that callers may share but should not mutate.
 *
 * Throws a TypeError naming the option when `size` is not an integer 1..100000, `seed` not an integer
 * 0..2^32-1, or `now` not an ISO 8601 timestamp.
 */
export function generateDataset(options?: GenerateDatasetOptions): SandboxDataset {
  const { size, seed, now, nowMs } = resolveOptions(options);
  const faker = new Faker({ locale: [en_US, en] });
  faker.seed(seed);
  const ctx = { faker, clock: createClock(faker, nowMs) };
  const { people, sharedEmails } = createPeople(ctx, size);
  const salesforce = createSalesforce(ctx, people, sharedEmails);
  const shopify = createShopify(ctx, people, sharedEmails);
  const zendesk = createZendesk(ctx, people, sharedEmails);
  return {
    seed,
    size,
    now,
    people,
    salesforce: {
      accounts: salesforce.accounts,
      contacts: salesforce.contacts,
      cases: salesforce.cases,
      tasks: salesforce.tasks,
    },
    shopify: { customers: shopify.customers, orders: shopify.orders },
    zendesk: { users: zendesk.users, tickets: zendesk.tickets },
    truth: [...salesforce.truth, ...shopify.truth, ...zendesk.truth],
  };
}
