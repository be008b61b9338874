import type { Faker } from '@faker-js/faker';
import type { SandboxSystem } from './types.js';

/** Share (percent) of people per combination of systems: 55% in all three, everyone in at least one. */
const PRESENCE: ReadonlyArray<{ readonly weight: number; readonly value: readonly SandboxSystem[] }> = [
  { weight: 55, value: ['salesforce', 'shopify', 'zendesk'] },
  { weight: 9, value: ['salesforce', 'shopify'] },
  { weight: 7, value: ['salesforce', 'zendesk'] },
  { weight: 9, value: ['shopify', 'zendesk'] },
  { weight: 6, value: ['salesforce'] },
  { weight: 9, value: ['shopify'] },
  { weight: 5, value: ['zendesk'] },
];

/** The systems one person appears in: non-empty, in the order salesforce, shopify, zendesk. */
export function pickSystems(faker: Faker): readonly SandboxSystem[] {
  return faker.helpers.weightedArrayElement(PRESENCE);
}
