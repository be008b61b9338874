import { en, en_US, Faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { pickContactPoints } from '../../../src/sandbox/dataset/pickContactPoints.js';

function seeded(seed: number): Faker {
  const faker = new Faker({ locale: [en_US, en] });
  faker.seed(seed);
  return faker;
}

describe('pickContactPoints: rules', () => {
  const always = { missingEmail: 1, missingPhone: 1 };
  const never = { missingEmail: 0, missingPhone: 0 };
  const dropPhoneOnly = { missingEmail: 0, missingPhone: 1 };

  it.each([
    ['keeps both when nothing is dropped', 'a@example.com', null, never, { email: 'a@example.com', hasPhone: true }],
    ['keeps the phone when the email is dropped', 'a@example.com', null, always, { email: null, hasPhone: true }],
    ['keeps the phone when there is no email', null, null, dropPhoneOnly, { email: null, hasPhone: true }],
    ['drops the phone of a personal email', 'a@example.com', null, dropPhoneOnly, { email: 'a@example.com', hasPhone: false }],
    ['keeps the phone of a shared email', 'fam@example.net', 'fam@example.net', dropPhoneOnly, { email: 'fam@example.net', hasPhone: true }],
  ] as const)('%s', (_rule, email, shared, noise, expected) => {
    expect(pickContactPoints(seeded(1), email, shared, noise)).toEqual(expected);
  });

  it('never leaves a record with neither email nor phone', () => {
    for (let seed = 0; seed < 300; seed++) {
      const points = pickContactPoints(seeded(seed), 'a@example.com', null, { missingEmail: 0.5, missingPhone: 0.9 });
      expect(points.email !== null || points.hasPhone).toBe(true);
    }
  });
});
