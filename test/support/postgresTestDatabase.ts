import pg from 'pg';

/** The test database (README "Tests"): PostgreSQL on 127.0.0.1:5432, trust auth, database `test`. */
export const TEST_PG = { host: process.env.C360_TEST_PG_HOST ?? '127.0.0.1', port: Number(process.env.C360_TEST_PG_PORT ?? 5432), database: process.env.C360_TEST_PG_DATABASE ?? 'test', user: process.env.C360_TEST_PG_USER ?? 'postgres' } as const;

/** Whether the test database answers, and why not. */
export interface PostgresProbe {
  readonly ok: boolean;
  /** Why it was not reachable ('' when ok). */
  readonly reason: string;
}

/**
 * Connects once (1 s limit) to see whether the Postgres tests can run. Unreachable means those tests are
 * skipped with the reason in their title, unless `C360_REQUIRE_POSTGRES=1` (CI), which makes it an error.
 */
export async function probePostgres(): Promise<PostgresProbe> {
  const client = new pg.Client({ ...TEST_PG, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true, reason: '' };
  } catch (error) {
    const reason = `PostgreSQL not reachable at ${TEST_PG.host}:${TEST_PG.port}/${TEST_PG.database}: ${(error as Error).message || String(error)}`;
    if (process.env.C360_REQUIRE_POSTGRES === '1') throw new Error(`${reason} (C360_REQUIRE_POSTGRES=1)`);
    return { ok: false, reason };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name no other test run uses. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}
