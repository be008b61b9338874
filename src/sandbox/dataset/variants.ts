import type { Faker } from '@faker-js/faker';
import { nicknameFor } from './nicknames.js';

/**
 * Record-level noise: the ways one system's copy of a person differs from another's. Every function draws
 * only from the given Faker, so the noise is part of the seeded, deterministic dataset.
 */

const LETTER = /[A-Za-z]/;
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/**
 * `name` with one typing slip: two adjacent letters swapped, or one letter replaced by another. The first
 * character is kept (people rarely mistype an initial), the letter case of each position is kept, and the
 * result always differs from `name` and is at Damerau–Levenshtein distance 1 from it.
 */
export function typo(faker: Faker, name: string): string {
  const positions: number[] = [];
  for (let i = 1; i < name.length; i++) if (LETTER.test(name.charAt(i))) positions.push(i);
  if (positions.length === 0) return name + faker.helpers.arrayElement([...LOWER]);
  const at = faker.helpers.arrayElement(positions);
  const current = name.charAt(at);
  const next = name.charAt(at + 1);
  if (LETTER.test(next) && next.toLowerCase() !== current.toLowerCase() && faker.datatype.boolean()) {
    return name.slice(0, at) + next + current + name.slice(at + 2);
  }
  const others = [...LOWER].filter((letter) => letter !== current.toLowerCase());
  const replacement = faker.helpers.arrayElement(others);
  const cased = current === current.toUpperCase() ? replacement.toUpperCase() : replacement;
  return name.slice(0, at) + cased + name.slice(at + 1);
}

/** Probabilities (0..1) of a name variant in one system's record. */
export interface NameNoise {
  /** Chance of the nickname, for names that have one. */
  readonly nickname: number;
  /** Chance of a {@link typo}, when no nickname was used. */
  readonly typo: number;
}

/** The given name as one system holds it: the nickname, a typo, or the name itself. */
export function givenNameVariant(faker: Faker, given: string, noise: NameNoise): string {
  const nickname = nicknameFor(given);
  if (nickname !== null && faker.datatype.boolean(noise.nickname)) return nickname;
  return faker.datatype.boolean(noise.typo) ? typo(faker, given) : given;
}

/** The family name as one system holds it: a typo with probability `typoRate`, else the name itself. */
export function familyNameVariant(faker: Faker, family: string, typoRate: number): string {
  return faker.datatype.boolean(typoRate) ? typo(faker, family) : family;
}

/** `jane.doe@example.com` → `Jane.Doe@Example.com`: each `.`/`_`/`-` part of the local part and each domain label capitalised. */
export function capitalizeEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const capital = (part: string): string => part.charAt(0).toUpperCase() + part.slice(1);
  const local = email.slice(0, at).replace(/[^._-]+/g, capital);
  const domain = email.slice(at + 1).split('.').map(capital).join('.');
  return `${local}@${domain}`;
}

/**
 * A lower-case email as a person typed it into a CRM form: usually capitalised (`Jane.Doe@Example.com`),
 * sometimes all upper case. The result always differs from `email` in case only.
 */
export function emailCaseVariant(faker: Faker, email: string): string {
  const capitalised = capitalizeEmail(email);
  return capitalised !== email && faker.datatype.boolean(0.8) ? capitalised : email.toUpperCase();
}

/** `email` with leading and/or trailing whitespace, as a bad CSV import leaves it. Trimming restores it. */
export function padEmail(faker: Faker, email: string): string {
  return faker.helpers.arrayElement([` ${email}`, `${email} `, `  ${email} `, `${email}\t`]);
}
