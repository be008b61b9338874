import { en } from '@faker-js/faker';

/** The most frequent US surnames (Census 2010 order); they head the Zipf ranking so that a few surnames are very common. */
export const COMMON_SURNAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
] as const;

/** Frequent given names by sex; they head the given-name ranking (and most have nicknames). */
export const COMMON_GIVEN_NAMES = {
  F: ['Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
    'Margaret', 'Nancy', 'Lisa', 'Catherine', 'Deborah', 'Rebecca', 'Samantha', 'Katherine', 'Christina', 'Victoria',
    'Stephanie', 'Abigail', 'Emily', 'Olivia', 'Sophia', 'Pamela', 'Dorothy', 'Kimberly', 'Melissa', 'Sandra'],
  M: ['James', 'Robert', 'John', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles',
    'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Andrew', 'Joshua', 'Kenneth', 'Steven', 'Edward', 'Benjamin',
    'Nicholas', 'Timothy', 'Alexander', 'Jonathan', 'Samuel', 'Patrick', 'Gregory', 'Peter', 'Raymond', 'Zachary'],
} as const;

/** Words used as street names besides surnames. */
export const STREET_WORDS = [
  'Oak', 'Maple', 'Pine', 'Cedar', 'Elm', 'Main', 'Park', 'Lake', 'Hill', 'Washington', 'Church', 'Mill',
  'Spring', 'Ridge', 'Sunset', 'Highland', 'Meadow', 'Forest', 'River', 'Jefferson', 'Lincoln', 'Franklin',
] as const;

const unique = (names: readonly string[], exclude: readonly string[]): string[] =>
  [...new Set(names.filter((n) => /^[A-Z][a-z]+$/.test(n) && !exclude.includes(n)))];

/** Surnames after the common head (faker's `en` list, single-word names only). */
export const TAIL_SURNAMES: readonly string[] = unique(en.person?.last_name?.generic ?? [], COMMON_SURNAMES);
/** Given names after the common head, by sex (faker's `en` lists). */
export const TAIL_GIVEN_NAMES: { readonly F: readonly string[]; readonly M: readonly string[] } = {
  F: unique(en.person?.first_name?.female ?? [], COMMON_GIVEN_NAMES.F),
  M: unique(en.person?.first_name?.male ?? [], COMMON_GIVEN_NAMES.M),
};
/** City names (faker's `en` list). */
export const CITIES: readonly string[] = en.location?.city_name ?? ['Springfield'];
/** US state codes. */
export const STATES: readonly string[] = en.location?.state_abbr ?? ['CA'];
