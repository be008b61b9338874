import type { Faker } from '@faker-js/faker';
import type { Clock } from './createClock.js';

/**
 * Internal: what every generation step draws from. There is one seeded Faker per dataset, so the order in
 * which steps draw is part of the determinism contract: reordering draws changes every later value.
 */
export interface DatasetContext {
  readonly faker: Faker;
  readonly clock: Clock;
}
