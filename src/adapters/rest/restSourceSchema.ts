import { z } from 'zod';
import { BLOCKING_KEY_KINDS, isBlockingKeyKind } from '../blockingKeyParams.js';
import { compileExpression } from './compileExpression.js';

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name (A-Z, 0-9, _)');

/** A JSONata expression, compiled at start so that a typo fails the config naming its key. */
const expression = z.string().min(1).superRefine((source, ctx) => {
  try {
    compileExpression(source);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/** A path with `{expression}` placeholders, e.g. `/v1/customers/{$id}/invoices`; each value is URL-encoded. */
const pathTemplate = z
  .string()
  .regex(/^\//, 'must start with /')
  .superRefine((path, ctx) => {
    for (const match of path.matchAll(/\{([^{}]+)\}/g)) {
      try {
        compileExpression(match[1]!);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `placeholder {${match[1]}}: ${(error as Error).message}` });
      }
    }
  });

const pagination = z.discriminatedUnion('style', [
  /** `next` reads the next cursor from a page (`paging.next.after`); templates use it as `$cursor`. */
  z.object({ style: z.literal('cursor'), next: expression, maxPages: z.number().int().min(1).max(1000).default(10) }).strict(),
  /** RFC 8288 `Link: <...>; rel="next"` header, followed with GET. */
  z.object({ style: z.literal('linkHeader'), maxPages: z.number().int().min(1).max(1000).default(10) }).strict(),
  /** `next` reads the next page's URL from a page (`links.next`), followed with GET. */
  z.object({ style: z.literal('nextUrl'), next: expression, maxPages: z.number().int().min(1).max(1000).default(10) }).strict(),
  /** Page numbers (`$page` from `firstPage`) or offsets (`$offset`), `$limit` = `size`; stops at a short page. */
  z
    .object({
      style: z.enum(['page', 'offset']),
      size: z.number().int().min(1).max(10_000),
      firstPage: z.number().int().min(0).max(1).default(1),
      maxPages: z.number().int().min(1).max(1000).default(10),
    })
    .strict(),
]);

const endpointShape = {
  method: z.enum(['GET', 'POST']).default('GET'),
  path: pathTemplate,
  /** Query parameter → expression; null/undefined leaves it out, a list repeats it (`id=1&id=2`). */
  query: z.record(z.string().min(1), expression).default({}),
  /** JSON body (POST) as an expression, e.g. `{"inputs": $ids.{"id": $}}`. */
  body: expression.optional(),
  /** Selects the list of items from a response page; default `$` (the page is the list). */
  items: expression.default('$'),
  pagination: pagination.optional(),
  /** Calls in flight at once for one batch (style `each`). Default 4. */
  concurrency: z.number().int().min(1).max(64).default(4),
};

/**
 * How one call serves a batch: `each` = one call per id (`$id`), `all` = one call per chunk of `max` ids
 * (`$ids`; `ids=a,b,c` with `$join($ids, ",")`, repeated params with `$ids`, or a POST body).
 */
const batch = z
  .object({ style: z.enum(['each', 'all']).default('each'), max: z.number().int().min(1).max(1000).default(100) })
  .strict()
  .default({ style: 'each', max: 100 });

const byIdEndpoint = z.object({ ...endpointShape, batch }).strict();
const relatedEndpoint = z.object({ ...endpointShape, batch, map: expression }).strict().optional();

/**
 * `kind: rest` source config (README "Adding a source"): a base URL, auth, and per capability an endpoint
 * template whose path placeholders, query values and body are JSONata expressions over the bindings
 * `$id`/`$ids` (getByIds, related records), `$key` (search; the blocking key object), `$cursor`, `$page`,
 * `$offset`, `$limit` (pagination). `identity` maps one response item onto a flat identity record; related
 * capabilities have their own `map`. A key kind without a `search` entry is answered `[]` without a call.
 */
export const restSourceSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be 1-32 characters: lower-case letters, digits, _ or -, starting with a letter'),
    kind: z.literal('rest'),
    baseUrl: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
    timeoutMs: z.number().int().min(1).max(120_000).default(1_000),
    maxSockets: z.number().int().min(1).max(1024).default(64),
    auth: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('none') }).strict(),
        z.object({ type: z.literal('bearer'), tokenEnv: envName }).strict(),
        z.object({ type: z.literal('basic'), usernameEnv: envName, passwordEnv: envName }).strict(),
        z.object({ type: z.literal('apiKey'), header: z.string().regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name'), valueEnv: envName }).strict(),
        z
          .object({
            type: z.literal('oauth2ClientCredentials'),
            tokenUrl: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
            clientIdEnv: envName,
            clientSecretEnv: envName,
            scope: z.string().min(1).optional(),
            /** How the client authenticates to the token endpoint (RFC 6749 §2.3.1). Default `basic`. */
            clientAuth: z.enum(['basic', 'body']).default('basic'),
          })
          .strict(),
      ])
      .default({ type: 'none' }),
    /** Rate-limit headers read from every answer (lower case). A 429 waits for `Retry-After` first. */
    rateLimit: z
      .object({
        remainingHeader: z.string().min(1).default('x-ratelimit-remaining'),
        resetHeader: z.string().min(1).default('x-ratelimit-reset'),
        /** `seconds` until reset (default), `epochSeconds`, or `milliseconds` until reset. */
        resetUnit: z.enum(['seconds', 'epochSeconds', 'milliseconds']).default('seconds'),
      })
      .strict()
      .prefault({}),
    identity: expression,
    getByIds: byIdEndpoint,
    search: z
      .record(z.string(), z.object(endpointShape).strict())
      .default({})
      .superRefine((entries, ctx) => {
        for (const kind of Object.keys(entries)) {
          if (!isBlockingKeyKind(kind)) ctx.addIssue({ code: 'custom', path: [kind], message: `unknown blocking key kind (known: ${BLOCKING_KEY_KINDS.join(', ')})` });
        }
      }),
    orders: relatedEndpoint,
    tickets: relatedEndpoint,
    activities: relatedEndpoint,
  })
  .strict();

/** A validated `kind: rest` source (before secrets are read from the environment). */
export type RestSourceSettings = z.infer<typeof restSourceSchema>;
/** One endpoint template. */
export type RestEndpoint = z.infer<typeof restSourceSchema>['getByIds'] | z.infer<typeof restSourceSchema>['search'][string];

/** Secrets a `kind: rest` source's auth reads from the environment, by role. */
export interface RestSecrets {
  readonly token?: string;
  readonly username?: string;
  readonly password?: string;
  readonly apiKey?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
}
