import { z } from 'zod';

/**
 * The `limits:` config section (DESIGN.md §8). Defaults come from the largest real query we ship (the full
 * 360 query of test/integration/customer360.test.ts plus the demo's fields, pages of 20: depth 7, 349 tokens,
 * 1 root field, cost 2 241; see test/security/queryLimitRules.test.ts) and the standard introspection query
 * (depth 15), with headroom:
 * - `maxTokens` 2 000: the parser stops after this many tokens (graphql-js `maxTokens`).
 * - `maxDepth` 15: field nesting, each inline fragment counting a level too, named fragments flattened,
 *   introspection included (the standard introspection query is 15 deep; data queries are at most 9 deep in
 *   this schema, which has no cycles).
 * - `maxAliases` 15: aliases per operation.
 * - `maxRootFields` 10: top-level fields per operation.
 * - `maxDirectives` 10: directive uses per operation.
 * - `maxCost` 20 000: every field costs 1, times the product of the page sizes of the lists above it
 *   (`first`, default 20, a variable counts as 100; `customers(ids:)` counts its ids, a variable 100; other
 *   lists count 5; a connection's `nodes`/`edges` count 1, their page is `first`).
 */
export const limitsConfigSchema = z
  .object({
    maxTokens: z.number().int().min(50).max(1_000_000).default(2_000),
    maxDepth: z.number().int().min(2).max(100).default(15),
    maxAliases: z.number().int().min(0).max(1_000).default(15),
    maxRootFields: z.number().int().min(1).max(1_000).default(10),
    maxDirectives: z.number().int().min(0).max(1_000).default(10),
    maxCost: z.number().int().min(10).max(100_000_000).default(20_000),
  })
  .strict();

export type LimitsConfig = z.output<typeof limitsConfigSchema>;
