/**
 * The comparisons the matcher makes and their levels, most similar first (DESIGN.md §5; the Splink model:
 * each comparison is an ordered list of named levels, each level with its own m and u). Besides these,
 * every comparison can give `MISSING` (a value absent on either side), and email, phone and identifiers
 * `SHARED` (equal, but held by several people): both weigh 0. `city` and `region` give `IMPLIED` (weight 0)
 * and `postcode` gives `IMPLIED` when a finer part of the address (street line, postcode, city) already
 * agreed, so one place is not counted three times.
 */
export const LEVEL_CATALOGUE = {
  givenName: ['EXACT', 'NICKNAME', 'CLOSE', 'INITIAL', 'FUZZY', 'DIFFERENT'],
  familyName: ['EXACT', 'CLOSE', 'PHONETIC', 'FUZZY', 'DIFFERENT'],
  nameOrder: ['SWAPPED'],
  birthDate: ['EXACT', 'ONE_DIGIT', 'TRANSPOSED', 'ANY_YEAR', 'YEAR_ONLY', 'DIFFERENT'],
  email: ['EXACT', 'CLOSE', 'LOCAL_PART', 'DIFFERENT'],
  phone: ['EXACT', 'CLOSE', 'DIFFERENT'],
  address: ['EXACT', 'CLOSE', 'SAME_STREET', 'DIFFERENT'],
  postcode: ['EXACT', 'CLOSE', 'DIFFERENT'],
  city: ['EXACT', 'CLOSE', 'DIFFERENT'],
  region: ['EXACT', 'DIFFERENT'],
  identifier: ['EXACT', 'ONE_ERROR', 'DIFFERENT'],
} as const;

/** A comparison of {@link LEVEL_CATALOGUE}. */
export type ComparisonName = keyof typeof LEVEL_CATALOGUE;
/** Levels that weigh 0 whatever the model says. */
export type NeutralLevel = 'MISSING' | 'SHARED' | 'IMPLIED';
/** m and u of one level. */
export interface LevelProbabilities {
  readonly m: number;
  readonly u: number;
}
/** m and u of every level of every comparison. */
export type LevelTable = { readonly [C in ComparisonName]: { readonly [L in (typeof LEVEL_CATALOGUE)[C][number]]: LevelProbabilities } };

const p = (m: number, u: number): LevelProbabilities => ({ m, u });

/**
 * Built-in m/u, used where no trained model file says otherwise. m: how often a pair of one person's records
 * shows the level (data-entry errors, moves, several emails); u: how often two different people's records
 * do. Chosen from published error rates of person registers (typos in 2-5 % of names, dates and street
 * lines; 10-20 % of people with a second email or a new address), not fitted to any one data set.
 * Run `c360 identity train` to estimate them from your own sources.
 */
export const DEFAULT_LEVELS: LevelTable = {
  givenName: { EXACT: p(0.8, 0.01), NICKNAME: p(0.04, 0.002), CLOSE: p(0.09, 0.004), INITIAL: p(0.02, 0.03), FUZZY: p(0.03, 0.04), DIFFERENT: p(0.02, 0.911) },
  familyName: { EXACT: p(0.82, 0.005), CLOSE: p(0.08, 0.002), PHONETIC: p(0.03, 0.003), FUZZY: p(0.03, 0.03), DIFFERENT: p(0.04, 0.96) },
  nameOrder: { SWAPPED: p(0.03, 0.03) },
  birthDate: { EXACT: p(0.85, 0.0005), ONE_DIGIT: p(0.06, 0.003), TRANSPOSED: p(0.02, 0.0005), ANY_YEAR: p(0.02, 0.003), YEAR_ONLY: p(0.015, 0.02), DIFFERENT: p(0.035, 0.976) },
  email: { EXACT: p(0.75, 0.0001), CLOSE: p(0.04, 0.0002), LOCAL_PART: p(0.03, 0.0005), DIFFERENT: p(0.18, 0.9992) },
  phone: { EXACT: p(0.75, 0.0001), CLOSE: p(0.05, 0.001), DIFFERENT: p(0.2, 0.9989) },
  address: { EXACT: p(0.65, 0.0005), CLOSE: p(0.12, 0.001), SAME_STREET: p(0.03, 0.005), DIFFERENT: p(0.2, 0.9935) },
  postcode: { EXACT: p(0.8, 0.003), CLOSE: p(0.06, 0.01), DIFFERENT: p(0.14, 0.987) },
  city: { EXACT: p(0.8, 0.005), CLOSE: p(0.08, 0.005), DIFFERENT: p(0.12, 0.99) },
  region: { EXACT: p(0.9, 0.2), DIFFERENT: p(0.1, 0.8) },
  identifier: { EXACT: p(0.9, 0.00001), ONE_ERROR: p(0.06, 0.0001), DIFFERENT: p(0.04, 0.99989) },
};
