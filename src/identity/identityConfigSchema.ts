import { LEVEL_CATALOGUE, type ComparisonName } from './comparisons/levelCatalogue.js';
import { z } from 'zod';

/** m/u of one level, each optional (the rest from the model). */
const levelOverride = z.object({ m: z.number().gt(0).lte(1).optional(), u: z.number().gt(0).lte(1).optional() }).strict();

/** Per comparison, the levels whose m/u are overridden; names from LEVEL_CATALOGUE, checked. */
const levelsSchema = z
  .object(
    Object.fromEntries(
      (Object.keys(LEVEL_CATALOGUE) as ComparisonName[]).map((comparison) => [
        comparison,
        z
          .object(Object.fromEntries(LEVEL_CATALOGUE[comparison].map((level) => [level, levelOverride.optional()])))
          .strict()
          .optional(),
      ]),
    ),
  )
  .strict()
  .default({});

/**
 * Matching thresholds and weights. Weights come from the model (`identity.model`, written by `c360 identity
 * train`; built-in defaults without one, see DEFAULT_LEVELS); `levels` overrides single levels' m/u.
 */
const matchingSchema = z
  .object({
    /** Score (sum of log2 weights) from which two records are linked. Default 12. */
    linkThreshold: z.number().default(12),
    /** Score from which a record is a candidate (never merged) below the link threshold. Default 8. */
    reviewThreshold: z.number().default(8),
    /** m/u overrides per comparison and level, e.g. `{ givenName: { NICKNAME: { m: 0.05 } } }`. Default none. */
    levels: levelsSchema,
    /**
     * Most weight (bits) that what a household shares (family name, address, a home phone, a family or
     * look-alike email) adds up to when the given names do not agree: it shows one household, not one person.
     * Default 14 (below the default link threshold: another person's record at the same address needs a
     * matching birth date or identifier, not only the address, to link).
     */
    householdCap: z.number().min(0).default(14),
    /**
     * Weight (bits) of an email or phone both records hold that belongs to several people (SHARED): evidence
     * of one household, counted under `householdCap`, never a deterministic link. Default 6.
     */
    sharedValueWeight: z.number().min(0).default(6),
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
  /** Blocking keys searched per closure round, weakest kinds dropped first (logged at debug). Default 40. */
  maxKeysPerRound: z.number().int().min(1).max(500).default(40),
  /** Blocking keys searched per resolution, all rounds together. Default 80. */
  maxKeysPerResolution: z.number().int().min(1).max(2000).default(80),
  /** Source searches (one key asked of one source) per resolution: the budget of upstream search work. Default 160. */
  maxSearchesPerResolution: z.number().int().min(1).max(5000).default(160),
  /** Records one resolution compares; found records past it are left out (and the resolution not cached under members). Default 400. */
  maxRecordsPerResolution: z.number().int().min(2).max(10_000).default(400),
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
  /**
   * Identifier types (record `identifiers` keys) that link deterministically when equal and are searched,
   * e.g. `loyaltyNumber`, or `{ type: nationalId, unique: true }` for one held by one person only (an equal
   * value is then never taken for a household's shared value). Identifiers not listed still count as
   * probabilistic evidence where both records hold them. Default none.
   */
  identifiers: z
    .array(
      z.union([
        z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be an identifier name'),
        z.object({ type: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be an identifier name'), unique: z.boolean().default(false) }).strict(),
      ]),
    )
    .default([]),
  /** A model file written by `c360 identity train` (m/u per level, term frequencies); relative to the config file. Default none: built-in weights. */
  model: z.string().min(1).optional(),
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
