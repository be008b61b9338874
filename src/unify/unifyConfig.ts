import { z } from 'zod';

/** Single-valued profile fields survivorship decides. */
export const PROFILE_FIELDS = ['name', 'email', 'phone', 'address', 'birthDate'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/**
 * Survivorship strategies, applied in order as tie-breakers: `sourcePriority` (the value held by the
 * highest-priority source), `mostRecent` (the value whose holder changed it last, by the source's
 * last-modified time), `mostFrequent` (the value most records hold). A final tie goes to source priority,
 * then record id, so the choice is deterministic.
 */
export const SURVIVORSHIP_STRATEGIES = ['sourcePriority', 'mostRecent', 'mostFrequent'] as const;
export type SurvivorshipStrategy = (typeof SURVIVORSHIP_STRATEGIES)[number];

/** Metrics segment and journey rules can test (defined in schema/metrics.graphql). */
export const RULE_METRICS = [
  'lifetimeValue',
  'orderCount',
  'averageOrderValue',
  'daysSinceFirstOrder',
  'daysSinceLastOrder',
  'daysSinceLastInteraction',
  'openTickets',
  'refundedOrders',
  'recentOrders',
  'recentInteractions',
  'rfmRecency',
  'rfmFrequency',
  'rfmMonetary',
] as const;
export type RuleMetric = (typeof RULE_METRICS)[number];

export const RULE_OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

export const JOURNEY_STAGES = ['AWARENESS', 'CONSIDERATION', 'PURCHASE', 'RETENTION', 'ADVOCACY'] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

/** Attributes data quality can expect (see schema/quality.graphql). */
export const EXPECTED_ATTRIBUTES = ['name', 'email', 'phone', 'address', 'birthDate', 'consentEmail', 'consentSms', 'consentPhone', 'orders', 'tickets'] as const;
export type ExpectedAttribute = (typeof EXPECTED_ATTRIBUTES)[number];

const condition = z.object({ metric: z.enum(RULE_METRICS), op: z.enum(RULE_OPERATORS), value: z.number() }).strict();
const fieldRule = z
  .object({
    strategies: z.array(z.enum(SURVIVORSHIP_STRATEGIES)).min(1, 'must list at least one strategy'),
    ignoreEmpty: z.boolean().default(true),
  })
  .strict();

/** Default survivorship: CRM first for who the person is, most recent for where they live. */
export const DEFAULT_SURVIVORSHIP: Readonly<Record<ProfileField, { strategies: SurvivorshipStrategy[]; ignoreEmpty: boolean }>> = {
  name: { strategies: ['sourcePriority', 'mostFrequent'], ignoreEmpty: true },
  email: { strategies: ['mostFrequent', 'sourcePriority'], ignoreEmpty: true },
  phone: { strategies: ['mostFrequent', 'mostRecent'], ignoreEmpty: true },
  address: { strategies: ['mostRecent', 'sourcePriority'], ignoreEmpty: true },
  birthDate: { strategies: ['sourcePriority'], ignoreEmpty: true },
};

/** Default segments: each is met when all its conditions hold. */
export const DEFAULT_SEGMENTS = [
  { name: 'HIGH_VALUE', description: 'lifetime value of 1000 or more', when: [{ metric: 'lifetimeValue', op: 'gte', value: 1000 }] },
  {
    name: 'AT_RISK',
    description: 'a repeat buyer who has not ordered for 4 to 12 months',
    when: [
      { metric: 'orderCount', op: 'gte', value: 2 },
      { metric: 'daysSinceLastOrder', op: 'gt', value: 120 },
      { metric: 'daysSinceLastOrder', op: 'lte', value: 365 },
    ],
  },
  { name: 'DORMANT', description: 'no interaction of any kind for over a year', when: [{ metric: 'daysSinceLastInteraction', op: 'gt', value: 365 }] },
  { name: 'NEW_CUSTOMER', description: 'first order in the last 60 days', when: [{ metric: 'daysSinceFirstOrder', op: 'lte', value: 60 }] },
  {
    name: 'HIGH_PURCHASE_INTENT',
    description: 'several recent interactions but no recent order',
    when: [
      { metric: 'recentInteractions', op: 'gte', value: 2 },
      { metric: 'recentOrders', op: 'eq', value: 0 },
    ],
  },
] as const satisfies ReadonlyArray<{ name: string; description: string; when: ReadonlyArray<z.input<typeof condition>> }>;

/** Default journey stages, tested in this order; the first whose conditions all hold wins. */
export const DEFAULT_JOURNEY = [
  {
    stage: 'ADVOCACY',
    when: [
      { metric: 'orderCount', op: 'gte', value: 5 },
      { metric: 'daysSinceLastOrder', op: 'lte', value: 180 },
      { metric: 'openTickets', op: 'eq', value: 0 },
    ],
  },
  { stage: 'RETENTION', when: [{ metric: 'orderCount', op: 'gte', value: 2 }] },
  { stage: 'PURCHASE', when: [{ metric: 'orderCount', op: 'gte', value: 1 }] },
  { stage: 'CONSIDERATION', when: [{ metric: 'recentInteractions', op: 'gte', value: 1 }] },
  { stage: 'AWARENESS', when: [] },
] as const satisfies ReadonlyArray<{ stage: JourneyStage; when: ReadonlyArray<z.input<typeof condition>> }>;

export const DEFAULT_EXPECTED_ATTRIBUTES: readonly ExpectedAttribute[] = ['name', 'email', 'phone', 'address', 'birthDate', 'consentEmail', 'consentSms', 'consentPhone'];

/**
 * The `unify:` config section (zod). Every key is optional; defaults make the demo meaningful.
 * - `survivorship.<field>`: `{strategies, ignoreEmpty}` per profile field (defaults: DEFAULT_SURVIVORSHIP).
 * - `timeline.duplicateWindowMinutes`: events from two sources fold within this window (default 60, 0..10080).
 * - `recentDays`: the window of `recentOrders`/`recentInteractions` (default 30 days, 1..3650).
 * - `segments`: `[{name, description, when: [{metric, op, value}]}]` (default DEFAULT_SEGMENTS).
 * - `journey`: `[{stage, when}]`, first match wins; must end with a stage whose `when` is empty (default DEFAULT_JOURNEY).
 * - `expectedAttributes`: what completeness counts (default DEFAULT_EXPECTED_ATTRIBUTES).
 */
export const unifyConfigSchema = z
  .object({
    survivorship: z
      .object(Object.fromEntries(PROFILE_FIELDS.map((field) => [field, fieldRule.default(DEFAULT_SURVIVORSHIP[field])])) as Record<ProfileField, z.ZodDefault<typeof fieldRule>>)
      .strict()
      .default(DEFAULT_SURVIVORSHIP),
    timeline: z
      .object({ duplicateWindowMinutes: z.number().int().min(0).max(10_080).default(60) })
      .strict()
      .default({ duplicateWindowMinutes: 60 }),
    recentDays: z.number().int().min(1).max(3650).default(30),
    segments: z
      .array(
        z
          .object({ name: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be UPPER_SNAKE_CASE, 1-64 characters'), description: z.string().default(''), when: z.array(condition).min(1, 'must have at least one condition') })
          .strict(),
      )
      .refine((list) => new Set(list.map((s) => s.name)).size === list.length, 'segment names must be unique')
      .default(DEFAULT_SEGMENTS.map((s) => ({ ...s, when: [...s.when] }))),
    journey: z
      .array(z.object({ stage: z.enum(JOURNEY_STAGES), when: z.array(condition) }).strict())
      .min(1, 'must list at least one stage')
      .refine((list) => list.at(-1)?.when.length === 0, 'the last stage must have no conditions (the fallback)')
      .default(DEFAULT_JOURNEY.map((j) => ({ ...j, when: [...j.when] }))),
    expectedAttributes: z.array(z.enum(EXPECTED_ATTRIBUTES)).min(1, 'must list at least one attribute').default([...DEFAULT_EXPECTED_ATTRIBUTES]),
  })
  .strict();

/** The validated `unify:` section. */
export type UnifyConfig = z.infer<typeof unifyConfigSchema>;
export type RuleCondition = z.infer<typeof condition>;
export type SegmentRule = UnifyConfig['segments'][number];
export type JourneyRule = UnifyConfig['journey'][number];

/** The defaults, as parsed from an empty section. */
export function defaultUnifyConfig(): UnifyConfig {
  return unifyConfigSchema.parse({});
}
