import { z } from 'zod';
import { BLOCKING_KEY_KINDS, BLOCKING_KEY_PARAMS, isBlockingKeyKind } from '../blockingKeyParams.js';
import { compileNamedSql } from './compileNamedSql.js';

const column = z.string().min(1);
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name (A-Z, 0-9, _)');

/** A SQL statement checked at start: named parameters only, each one the capability offers. */
function statement(allowed: readonly string[]) {
  return z.string().min(1).superRefine((sql, ctx) => {
    try {
      compileNamedSql(sql, allowed);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });
}

/** Identity columns: result column per record field. Defaults are the snake_case field names. */
const identityColumns = z
  .object({
    id: column.default('id'),
    givenName: column.default('given_name'),
    familyName: column.default('family_name'),
    fullName: column.default('full_name'),
    emails: z.array(column).default(['email']),
    phones: z.array(column).default(['phone']),
    line1: column.default('line1'),
    city: column.default('city'),
    region: column.default('region'),
    postcode: column.default('postcode'),
    country: column.default('country'),
    birthDate: column.default('birth_date'),
    createdAt: column.default('created_at'),
    updatedAt: column.default('updated_at'),
    /** Identifier type → column, e.g. `{ billingAccount: account_no }`. */
    identifiers: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), column).default({}),
  })
  .strict();

const related = <T extends z.ZodRawShape>(columns: T) =>
  z.object({ sql: statement(['ids']), columns: z.object(columns).strict().prefault({} as never) }).strict().optional();

/**
 * `kind: postgres` source config (README "Adding a source"): a pooled connection, and per capability one SQL
 * statement with named parameters. `getByIds` binds `$ids` (text[]) and returns identity columns; each
 * `search.<key kind>` binds that kind's parameters (see BLOCKING_KEY_PARAMS: `$values`, `$families` +
 * `$givens`, `$types` + `$values`) as arrays in key order and returns a `key_index` column (1-based position
 * of the key a row matched) with the identity columns; `orders` / `tickets` / `activities` bind `$ids` and
 * return an owner column. A key kind without an entry is answered `[]` without a call.
 */
export const postgresSourceSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be 1-32 characters: lower-case letters, digits, _ or -, starting with a letter'),
    kind: z.literal('postgres'),
    connection: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(1).max(65_535).default(5432),
        database: z.string().min(1),
        user: z.string().min(1).default('postgres'),
        /** Environment variable holding the password; none for trust/peer auth. */
        passwordEnv: envName.optional(),
        ssl: z.boolean().default(false),
        /** Pooled connections. Default 10. */
        poolMax: z.number().int().min(1).max(1000).default(10),
        /** Wait for a pooled connection, ms. Default 2 000. */
        connectTimeoutMs: z.number().int().min(1).max(120_000).default(2_000),
      })
      .strict(),
    /** Overall limit of one statement (also capped by the request deadline), ms. Default 1 000. */
    timeoutMs: z.number().int().min(1).max(120_000).default(1_000),
    columns: identityColumns.prefault({}),
    getByIds: statement(['ids']),
    search: z
      .record(z.string(), z.string())
      .default({})
      .superRefine((entries, ctx) => {
        for (const [kind, sql] of Object.entries(entries)) {
          if (!isBlockingKeyKind(kind)) {
            ctx.addIssue({ code: 'custom', path: [kind], message: `unknown blocking key kind (known: ${BLOCKING_KEY_KINDS.join(', ')})` });
            continue;
          }
          const check = statement(Object.keys(BLOCKING_KEY_PARAMS[kind])).safeParse(sql);
          if (!check.success) ctx.addIssue({ code: 'custom', path: [kind], message: check.error.issues[0]!.message });
        }
      }),
    orders: related({
      id: column.default('id'),
      owner: column.default('owner_id'),
      number: column.default('number'),
      createdAt: column.default('created_at'),
      updatedAt: column.default('updated_at'),
      cancelledAt: column.default('cancelled_at'),
      financialStatus: column.default('financial_status'),
      fulfillmentStatus: column.default('fulfillment_status'),
      totalAmount: column.default('total_amount'),
      currency: column.default('currency'),
    }),
    tickets: related({
      id: column.default('id'),
      owner: column.default('owner_id'),
      kind: column.default('kind'),
      number: column.default('number'),
      subject: column.default('subject'),
      status: column.default('status'),
      priority: column.default('priority'),
      channel: column.default('channel'),
      createdAt: column.default('created_at'),
      updatedAt: column.default('updated_at'),
      closedAt: column.default('closed_at'),
    }),
    activities: related({
      id: column.default('id'),
      owner: column.default('owner_id'),
      kind: column.default('kind'),
      subject: column.default('subject'),
      status: column.default('status'),
      occurredAt: column.default('occurred_at'),
      durationSeconds: column.default('duration_seconds'),
    }),
  })
  .strict();

/** A validated `kind: postgres` source (before the password is read from the environment). */
export type PostgresSourceSettings = z.infer<typeof postgresSourceSchema>;
