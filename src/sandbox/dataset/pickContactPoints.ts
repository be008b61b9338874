import type { Faker } from '@faker-js/faker';

/** Probabilities (0..1) that one system's record lacks a contact point the person has. */
export interface ContactPointNoise {
  readonly missingEmail: number;
  readonly missingPhone: number;
}

/** Which of a person's contact points one record keeps. */
export interface ContactPoints {
  readonly email: string | null;
  readonly hasPhone: boolean;
}

/**
 * Decides whether a record keeps `email` (the address this system would hold, or null) and the person's
 * phone. A record always keeps at least one of the two, and a record holding `sharedEmail` (a household's
 * shared address) always keeps the phone, so it can still be told apart and linked.
 */
export function pickContactPoints(
  faker: Faker,
  email: string | null,
  sharedEmail: string | null,
  noise: ContactPointNoise,
): ContactPoints {
  if (email === null) return { email: null, hasPhone: true };
  if (faker.datatype.boolean(noise.missingEmail)) return { email: null, hasPhone: true };
  const mayDropPhone = email !== sharedEmail;
  return { email, hasPhone: !(mayDropPhone && faker.datatype.boolean(noise.missingPhone)) };
}
