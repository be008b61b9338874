import { DAY_MS } from './createClock.js';
import { createOrders } from './createOrders.js';
import type { SharedEmail } from './createPeople.js';
import type { DatasetContext } from './DatasetContext.js';
import { pickContactPoints } from './pickContactPoints.js';
import type { GroundTruthEntry, SandboxPerson, ShopifyCustomer, ShopifyOrder } from './types.js';
import { familyNameVariant, givenNameVariant, padEmail } from './variants.js';

/** First customer id; 13 digits like a real shop's legacy ids. */
const FIRST_CUSTOMER_ID = 7_000_000_000_001;
/** How Shopify records differ from the person (probabilities 0..1). */
const NOISE = {
  contactPoints: { missingEmail: 0.04, missingPhone: 0.08 },
  givenName: { nickname: 0.15, typo: 0.03 },
  familyTypo: 0.03,
  paddedEmail: 0.06,
  noAddress: 0.05,
  note: 0.08,
} as const;
const EMAIL_MARKETING = [
  { weight: 45, value: 'SUBSCRIBED' },
  { weight: 40, value: 'NOT_SUBSCRIBED' },
  { weight: 15, value: 'UNSUBSCRIBED' },
] as const;
const SMS_MARKETING = [
  { weight: 20, value: 'SUBSCRIBED' },
  { weight: 70, value: 'NOT_SUBSCRIBED' },
  { weight: 10, value: 'UNSUBSCRIBED' },
] as const;
const ACCOUNT_STATE = [
  { weight: 60, value: 'ENABLED' },
  { weight: 30, value: 'DISABLED' },
  { weight: 10, value: 'INVITED' },
] as const;
const TAGS = ['vip', 'newsletter', 'wholesale', 'returning', 'loyalty-gold', 'loyalty-silver', 'gift-buyer'];
const NOTES = ['Prefers contact by email', 'Gift orders: no invoice in box', 'Asked about bulk pricing'];

/** The simulated shop plus the ground truth of its customers. */
export interface ShopifyRecords {
  readonly customers: ShopifyCustomer[];
  readonly orders: ShopifyOrder[];
  readonly truth: GroundTruthEntry[];
}

type CustomerDraft = Omit<ShopifyCustomer, 'id' | 'createdAt' | 'updatedAt'> & {
  readonly personId: string;
  readonly createdMs: number;
};

/**
 * One customer per Shopify person, ids from 7000000000001 in created order. Emails and phones are unique in
 * the shop: only a household's holder may carry its shared email. A customer's `updatedAt` is not before its
 * last order.
 */
export function createShopify(
  ctx: DatasetContext,
  people: readonly SandboxPerson[],
  sharedEmails: ReadonlyMap<string, SharedEmail>,
): ShopifyRecords {
  const { faker, clock } = ctx;
  const drafts: CustomerDraft[] = [];
  for (const person of people) {
    if (!person.systems.includes('shopify')) continue;
    const sharedEmail = sharedEmails.get(person.householdId)?.email ?? null;
    const points = pickContactPoints(faker, person.email, sharedEmail, NOISE.contactPoints);
    const email = points.email !== null && faker.datatype.boolean(NOISE.paddedEmail) ? padEmail(faker, points.email) : points.email;
    const phone = points.hasPhone ? person.phone : null;
    const { address } = person;
    drafts.push({
      personId: person.personId,
      firstName: givenNameVariant(faker, person.givenName, NOISE.givenName),
      lastName: familyNameVariant(faker, person.familyName, NOISE.familyTypo),
      email,
      phone,
      emailMarketingState: email === null ? 'NOT_SUBSCRIBED' : faker.helpers.weightedArrayElement(EMAIL_MARKETING),
      smsMarketingState: phone === null ? 'NOT_SUBSCRIBED' : faker.helpers.weightedArrayElement(SMS_MARKETING),
      state: faker.helpers.weightedArrayElement(ACCOUNT_STATE),
      tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 2 }),
      defaultAddress: faker.datatype.boolean(NOISE.noAddress)
        ? null
        : { address1: address.line1, city: address.city, provinceCode: address.region, zip: address.postcode, countryCode: 'US' },
      note: faker.datatype.boolean(NOISE.note) ? faker.helpers.arrayElement(NOTES) : null,
      createdMs: clock.between(clock.startMs, clock.nowMs - 14 * DAY_MS),
    });
  }
  const owners = drafts
    .sort((a, b) => a.createdMs - b.createdMs)
    .map((draft, index) => ({ draft, id: FIRST_CUSTOMER_ID + index, createdMs: draft.createdMs }));
  const { orders, lastOrderMs } = createOrders(ctx, owners);
  const truth: GroundTruthEntry[] = [];
  const customers = owners.map(({ draft, id }): ShopifyCustomer => {
    const { personId, createdMs, ...fields } = draft;
    truth.push({ system: 'shopify', recordType: 'Customer', id: String(id), personId });
    const updatedMs = clock.between(Math.max(createdMs, lastOrderMs.get(id) ?? createdMs), clock.nowMs);
    return { id, ...fields, createdAt: clock.iso(createdMs), updatedAt: clock.iso(updatedMs) };
  });
  return { customers, orders, truth };
}
