import { z } from 'zod';

/** Most representations one `_entities` call may carry by default: the same bound as `customers(ids:)`. */
export const DEFAULT_MAX_REPRESENTATIONS = 100;

/**
 * The `federation:` config section (README "Federation"):
 * - `enabled` (default false): serve the schema as an Apollo Federation 2 subgraph: `Customer` gets its entity
 *   keys (`id`, `email`, `sourceRef { source id }`) and the key fields `email` and `sourceRef`, and `Query`
 *   gets `_service` and `_entities`. Off, the schema is exactly the standalone one.
 * - `maxRepresentations` (default 100): representations one `_entities` call may carry; a router fetch with
 *   more gets `BAD_USER_INPUT` (no upstream call). Raise it when a router joins longer lists of customers.
 */
export const federationConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    maxRepresentations: z.number().int().min(1).max(10_000).default(DEFAULT_MAX_REPRESENTATIONS),
  })
  .strict();

/** The validated `federation:` section. */
export type FederationConfig = z.output<typeof federationConfigSchema>;
