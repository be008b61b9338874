import { z } from 'zod';

/** m/u probabilities of one comparison level (Fellegi–Sunter): P(level | same person), P(level | different people). */
const level = (m: number, u: number) =>
  z
    .object({ m: z.number().gt(0).lte(1).default(m), u: z.number().gt(0).lte(1).default(u) })
    .strict()
    .prefault({});

/** Levels of one attribute; `closeAt` is the Jaro–Winkler similarity (0..1) from which two values are CLOSE. */
const attribute = (exact: [number, number], close: [number, number], different: [number, number], closeAt = 0.9) =>
  z
    .object({ exact: level(...exact), close: level(...close), different: level(...different), closeAt: z.number().gt(0).lte(1).default(closeAt) })
    .strict()
    .prefault({});

/**
 * Default m/u per attribute and level. Log2 weights with these: email/phone EXACT +10.8, DIFFERENT −3.3;
 * givenName EXACT +6.4, CLOSE (nickname, initial, JW ≥ 0.88) +2.3, DIFFERENT −5.6; familyName EXACT +7.5,
 * CLOSE +2.8, DIFFERENT −5.0; birthDate EXACT +8.2, CLOSE (one digit or day/month swapped) +2.3, DIFFERENT
 * −5.6; address (street line) EXACT +9.7, CLOSE +3.3, DIFFERENT −3.2; postcode EXACT +5.5, DIFFERENT −2.6;
 * identifier EXACT +13.3, DIFFERENT −3.3. A MISSING value (either side) weighs 0.
 */
const matchingSchema = z
  .object({
    /** Score (sum of log2 weights) from which two records are linked. Default 16. */
    linkThreshold: z.number().default(16),
    /** Score from which a record is a candidate (never merged) below the link threshold. Default 8. */
    reviewThreshold: z.number().default(8),
    attributes: z
      .object({
        email: attribute([0.9, 0.0005], [0.0001, 0.0001], [0.1, 0.9995]),
        phone: attribute([0.9, 0.0005], [0.0001, 0.0001], [0.1, 0.9995]),
        givenName: attribute([0.85, 0.01], [0.13, 0.026], [0.02, 0.964], 0.88),
        familyName: attribute([0.9, 0.005], [0.07, 0.01], [0.03, 0.985], 0.9),
        birthDate: attribute([0.9, 0.003], [0.08, 0.016], [0.02, 0.981]),
        address: attribute([0.85, 0.001], [0.1, 0.01], [0.05, 0.989], 0.9),
        postcode: attribute([0.9, 0.02], [0.0001, 0.0001], [0.1, 0.98]),
        identifier: attribute([0.9, 0.0001], [0.0001, 0.0001], [0.1, 0.9999]),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .refine((m) => m.reviewThreshold < m.linkThreshold, { message: 'reviewThreshold must be below linkThreshold', path: ['reviewThreshold'] })
  .prefault({});

/** Values that never link anyone (placeholders, test data). Each list replaces its default. */
const blocklistSchema = z
  .object({
    /** Local parts (before `@`) that are not a person: default `noreply`, `no-reply`, `donotreply`, `do-not-reply`, `test`, `null`, `none`. */
    emailLocalParts: z.array(z.string().min(1)).default(['noreply', 'no-reply', 'donotreply', 'do-not-reply', 'test', 'null', 'none']),
    /** Domains (and their subdomains) of test addresses: default `example.invalid`, `invalid`, `test`, `localhost`. */
    emailDomains: z.array(z.string().min(1)).default(['example.invalid', 'invalid', 'test', 'localhost']),
    /**
     * Placeholder phone numbers as digits (national or with country code): default `0000000000`,
     * `1234567890`, `5555555555`, `9999999999`, `1111111111`. Any number of one repeated digit is blocked too.
     */
    phones: z.array(z.string().regex(/^\+?\d{4,15}$/, 'must be digits')).default(['0000000000', '1234567890', '5555555555', '9999999999', '1111111111']),
  })
  .strict()
  .prefault({});

/**
 * The identity keys beyond the foundation's (`identity.*` in YAML), each with its default. Spread into the
 * `identity` object of the config schema.
 */
export const identityConfigShape = {
  /** Records one source may contribute to one customer; extra links are refused (anti-overmerge). Default 10. */
  maxMembersPerSource: z.number().int().min(1).max(100).default(10),
  /** Blocking keys searched per closure round (the rest are dropped, logged at debug). Default 12. */
  maxKeysPerRound: z.number().int().min(1).max(200).default(12),
  /** A value held by records of more than this many distinct people (given names) is generic: ignored. Default 3. */
  genericMaxPeople: z.number().int().min(1).max(1000).default(3),
  /** After `cacheTtlMs`, how long a resolution is still served while it is refreshed in the background, ms. Default 60 000. */
  cacheStaleMs: z.number().int().min(0).max(86_400_000).default(60_000),
  /** How often crosswalk size and hit ratio are logged (info), ms; 0 turns it off. Default 60 000. */
  statsLogIntervalMs: z.number().int().min(0).max(86_400_000).default(60_000),
  normalize: z
    .object({
      /** Drop `+tag` from email local parts before comparing. Default false. */
      stripPlusTags: z.boolean().default(false),
      /** Treat listed nicknames as CLOSE given names. Default true. */
      useNicknames: z.boolean().default(true),
      /** Extra nicknames, formal name → short forms (lower case), added to the built-in table. Default none. */
      nicknames: z.record(z.string(), z.array(z.string())).default({}),
    })
    .strict()
    .prefault({}),
  /** Identifier types (record `identifiers` keys) that link deterministically when equal, e.g. `loyaltyNumber`. Default none. */
  identifiers: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be an identifier name')).default([]),
  matching: matchingSchema,
  blocklist: blocklistSchema,
  overrides: z
    .object({
      /** The link/unlink/suppress mutations. Default false (until auth scopes exist, enable them only on trusted networks). */
      enabled: z.boolean().default(false),
      /** JSON file of the overrides store. Default `.c360/overrides.json` (relative to the working directory). */
      file: z.string().min(1).default('.c360/overrides.json'),
    })
    .strict()
    .prefault({}),
};

const tuningSchema = z.object(identityConfigShape);

/** The identity tuning keys after validation (see {@link identityConfigShape}). */
export type IdentityTuning = z.infer<typeof tuningSchema>;
/** Validated `identity.matching`. */
export type MatchingConfig = IdentityTuning['matching'];
/** Validated `identity.blocklist`. */
export type BlocklistConfig = IdentityTuning['blocklist'];

/** Every tuning key at its default (tests, embedding). */
export function defaultIdentityTuning(): IdentityTuning {
  return tuningSchema.parse({});
}
