import { isBlockingKeyKind } from '../blockingKeyParams.js';
import pg from 'pg';
import type { Logger } from 'pino';
import type { IdentityRecord } from '../../domain/index.js';
import { blockingKeyParams } from '../blockingKeyParams.js';
import { MappingError, newestFirst, toActivity, toIdentityRecord, toOrder, toTicket } from '../mappedRecords.js';
import type { BatchResult, BlockingKey, CallContext, SourceAdapter } from '../types.js';
import { UpstreamError } from '../UpstreamError.js';
import { compileNamedSql, type CompiledSql } from './compileNamedSql.js';
import type { PostgresSourceSettings } from './postgresSourceSchema.js';
import { toPostgresError } from './toPostgresError.js';

/** Options of {@link createPostgresAdapter}. */
export interface PostgresAdapterOptions {
  readonly settings: PostgresSourceSettings;
  /** The connection password, read from `connection.passwordEnv` by the config loader; none for trust auth. */
  readonly password?: string | undefined;
  readonly logger?: Logger | undefined;
}

type Row = Record<string, unknown>;

// Dates and timestamps as PostgreSQL's text: `pg` would otherwise build JS Dates in the process's local
// time zone, shifting a `date` column by a day west of UTC.
const RAW_TEXT_TYPES = new Set([1082, 1114, 1184]);
const typeParsers = {
  getTypeParser: ((oid: number, format?: string) =>
    RAW_TEXT_TYPES.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * A `kind: postgres` source (issue 15): the capabilities its config declares, each answered by **one**
 * parameterised statement per batch through a `pg` pool (`connection.poolMax`). Every statement runs in its
 * own `BEGIN READ ONLY` transaction with `SET LOCAL statement_timeout` = the smaller of `timeoutMs` and the
 * time left before the request deadline; a write in a statement fails with `SOURCE_REJECTED` (SQLSTATE
 * 25006). Errors map by SQLSTATE (see toPostgresError): timeout → SOURCE_TIMEOUT, connection → SOURCE_UNAVAILABLE,
 * bad SQL → SOURCE_REJECTED; a row the column mapping cannot read fails only its key with SOURCE_BAD_RESPONSE.
 * `search` runs one statement per key kind present in the batch; a kind without a statement gives `[]`.
 * Each statement is logged at debug (`postgres statement`: capability, rows, ms; never parameters).
 * Lifetime: one per gateway; `close()` ends the pool.
 */
export function createPostgresAdapter(options: PostgresAdapterOptions): SourceAdapter {
  const { settings } = options;
  const source = settings.name;
  const c = settings.connection;
  const pool = new pg.Pool({
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    ...(options.password === undefined ? {} : { password: options.password }),
    ssl: c.ssl,
    max: c.poolMax,
    connectionTimeoutMillis: c.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: `c360-gateway:${source}`,
    types: typeParsers,
  });
  // An idle pooled connection the server drops emits here; without a listener it would crash the process.
  pool.on('error', (error) => options.logger?.warn({ source, err: error.message }, 'postgres: idle connection failed'));

  const getByIdsSql = compileNamedSql(settings.getByIds, ['ids']);
  const searchSql = new Map<string, CompiledSql>();
  for (const [kind, sql] of Object.entries(settings.search)) searchSql.set(kind, compileNamedSql(sql, Object.keys(blockingKeyParams(kind as BlockingKey['kind'], []))));
  const related = {
    orders: settings.orders && { sql: compileNamedSql(settings.orders.sql, ['ids']), columns: settings.orders.columns as Record<string, string> },
    tickets: settings.tickets && { sql: compileNamedSql(settings.tickets.sql, ['ids']), columns: settings.tickets.columns as Record<string, string> },
    activities: settings.activities && { sql: compileNamedSql(settings.activities.sql, ['ids']), columns: settings.activities.columns as Record<string, string> },
  };

  async function run(capability: string, sql: CompiledSql, params: Record<string, unknown>, ctx: CallContext): Promise<Row[]> {
    const leftMs = ctx.deadlineAt === undefined ? Infinity : ctx.deadlineAt - Date.now();
    const limitMs = Math.floor(Math.min(settings.timeoutMs, leftMs));
    if (limitMs <= 0 || ctx.signal?.aborted) throw new UpstreamError({ source, kind: 'timeout', message: `postgres ${capability}: deadline passed before the statement` });
    let client: pg.PoolClient | undefined;
    let broken: Error | undefined;
    try {
      client = await pool.connect();
      // One round trip: a read-only transaction whose statements stop at the request's deadline.
      await client.query(`BEGIN READ ONLY; SET LOCAL statement_timeout = ${limitMs}`);
      const startedAt = performance.now();
      const result = await client.query<Row>({ text: sql.text, values: sql.params.map((name) => params[name]) });
      await client.query('COMMIT');
      options.logger?.debug({ source, capability, rows: result.rows.length, ms: Math.round(performance.now() - startedAt) }, 'postgres statement');
      return result.rows;
    } catch (error) {
      if (client) await client.query('ROLLBACK').catch((rollbackError: Error) => void (broken = rollbackError));
      throw toPostgresError(source, capability, error, limitMs);
    } finally {
      client?.release(broken);
    }
  }

  const identityFlat = (row: Row) => flatRow(row, settings.columns);
  const badRow = (capability: string, error: unknown) =>
    new UpstreamError({ source, kind: 'bad_response', message: `postgres ${capability}: ${error instanceof MappingError ? error.message : String(error)}` });

  function owned<T>(capability: 'orders' | 'tickets' | 'activities', map: (owner: { source: string; id: string }, flat: unknown) => T, at: (item: T) => string) {
    const spec = related[capability];
    if (!spec) return undefined;
    return async (ownerIds: readonly string[], ctx: CallContext): Promise<BatchResult<T[]>> => {
      if (ownerIds.length === 0) return [];
      const rows = await run(`${capability}ByOwner`, spec.sql, { ids: [...new Set(ownerIds)] }, ctx);
      const byOwner = new Map<string, Array<T | Error>>();
      for (const row of rows) {
        const flat = flatRow(row, spec.columns);
        const owner = flat.owner;
        if (typeof owner !== 'string') throw badRow(`${capability}ByOwner`, `result lacks the owner column ${spec.columns.owner}`);
        let item: T | Error;
        try {
          item = map({ source, id: owner }, flat);
        } catch (error) {
          item = badRow(`${capability}ByOwner`, error);
        }
        byOwner.set(owner, [...(byOwner.get(owner) ?? []), item]);
      }
      return ownerIds.map((id) => {
        const items = byOwner.get(id) ?? [];
        const failed = items.find((i): i is Error => i instanceof Error);
        return failed ?? newestFirst(items as T[], at);
      });
    };
  }

  const ordersByOwner = owned('orders', toOrder, (o) => o.createdAt);
  const ticketsByOwner = owned('tickets', toTicket, (t) => t.createdAt);
  const activitiesByOwner = owned('activities', toActivity, (a) => a.occurredAt);

  const adapter: SourceAdapter = {
    name: source,
    kind: 'postgres',
    // Every call builds its records from the rows it read: provenance is stamped on them, not on copies.
    freshValues: true,
    capabilities: { search: searchSql.size > 0, searchKeys: [...searchSql.keys()].filter(isBlockingKeyKind), orders: ordersByOwner !== undefined, tickets: ticketsByOwner !== undefined, activities: activitiesByOwner !== undefined },
    async getByIds(ids, ctx): Promise<BatchResult<IdentityRecord | null>> {
      if (ids.length === 0) return [];
      const rows = await run('getByIds', getByIdsSql, { ids: [...new Set(ids)] }, ctx);
      const byId = new Map<string, IdentityRecord | Error>();
      for (const row of rows) {
        const flat = identityFlat(row);
        if (typeof flat.id !== 'string') throw badRow('getByIds', `result lacks the id column ${settings.columns.id}`);
        try {
          byId.set(flat.id, toIdentityRecord(source, flat));
        } catch (error) {
          byId.set(flat.id, badRow('getByIds', error));
        }
      }
      return ids.map((id) => byId.get(id) ?? null);
    },
    async search(keys, ctx): Promise<BatchResult<IdentityRecord[]>> {
      const results: Array<IdentityRecord[] | Error> = keys.map(() => []);
      const byKind = new Map<BlockingKey['kind'], number[]>();
      keys.forEach((key, index) => {
        if (searchSql.has(key.kind)) byKind.set(key.kind, [...(byKind.get(key.kind) ?? []), index]);
      });
      await Promise.all(
        [...byKind].map(async ([kind, positions]) => {
          const capability = `search.${kind}`;
          const batch = positions.map((p) => keys[p]!);
          const rows = await run(capability, searchSql.get(kind)!, blockingKeyParams(kind, batch), ctx);
          for (const row of rows) {
            const keyIndex = Number(row.key_index);
            if (!Number.isInteger(keyIndex) || keyIndex < 1 || keyIndex > batch.length) throw badRow(capability, 'each row needs a key_index column: the 1-based position of the key it matched');
            const slot = positions[keyIndex - 1]!;
            const found = results[slot]!;
            if (found instanceof Error) continue;
            try {
              const record = toIdentityRecord(source, identityFlat(row));
              if (!found.some((r) => r.ref.id === record.ref.id)) found.push(record);
            } catch (error) {
              results[slot] = badRow(capability, error);
            }
          }
        }),
      );
      return results;
    },
    ...(ordersByOwner ? { ordersByOwner } : {}),
    ...(ticketsByOwner ? { ticketsByOwner } : {}),
    ...(activitiesByOwner ? { activitiesByOwner } : {}),
    async close() {
      await pool.end();
    },
  };
  return adapter;
}

/** A result row as a flat record: each mapped field read from its column (absent column → undefined). */
function flatRow(row: Row, columns: Readonly<Record<string, string | readonly string[] | Readonly<Record<string, string>>>>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns)) {
    if (typeof column === 'string') flat[field] = normalise(row[column]);
    else if (Array.isArray(column)) flat[field] = column.flatMap((name: string) => normalise(row[name]) ?? []);
    else flat[field] = Object.fromEntries(Object.entries(column as Record<string, string>).map(([type, name]) => [type, normalise(row[name])]));
  }
  return flat;
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return value;
}
