// The console's only way to the gateway: registered operations, sent by id (issue 14).

/** A GraphQL error as the gateway sends it. */
export interface GqlError {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: { readonly code?: string; readonly source?: string; readonly [key: string]: unknown };
}

/** One source's status in `extensions.sources`. */
export interface SourceReport {
  readonly source: string;
  readonly status: string;
  readonly errorCode?: string;
  readonly staleAgeMs?: number;
}

/** What one operation returned. */
export interface GqlResult<T> {
  readonly data: T | null;
  readonly errors: readonly GqlError[];
  readonly sources: readonly SourceReport[];
  readonly status: number;
  /** performance.now() when the body had been parsed. */
  readonly answeredAt: number;
}

let ids: Record<string, string> | null = null;

/** Ids of the registered operations by name, fetched once from the gateway. */
async function operationIds(): Promise<Record<string, string>> {
  if (!ids) {
    const res = await fetch('/console/operations.json');
    ids = (await res.json()) as Record<string, string>;
  }
  return ids;
}

const FULL_KEY = 'c360.console.full';

/**
 * Runs a 360 operation: with segments and consent unless this session's role was refused them; when the
 * answer is FORBIDDEN on those fields, runs once more without them and remembers that for the session.
 */
export async function runView<T>(name: string, variables: Record<string, unknown>, credential: string): Promise<GqlResult<T>> {
  const full = sessionStorage.getItem(FULL_KEY) !== 'false';
  const first = await run<T>(name, { ...variables, full }, credential);
  const refused = first.errors.some((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.some((p) => p === 'segments' || p === 'consent'));
  if (!full || !refused) return first;
  sessionStorage.setItem(FULL_KEY, 'false');
  return run<T>(name, { ...variables, full: false }, credential);
}

/** Forgets what {@link runView} learnt about the signed-in role. */
export function forgetRole(): void {
  sessionStorage.removeItem(FULL_KEY);
}

/** Runs registered operation `name` with `variables`, authenticated with `credential` (API key or JWT). */
export async function run<T>(name: string, variables: Record<string, unknown>, credential: string): Promise<GqlResult<T>> {
  const id = (await operationIds())[name];
  if (!id) throw new Error(`operation ${name} is not registered`);
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
    body: JSON.stringify({ operationName: name, variables, extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: GqlError[]; extensions?: { sources?: SourceReport[] } };
  return { data: body.data ?? null, errors: body.errors ?? [], sources: body.extensions?.sources ?? [], status: res.status, answeredAt: performance.now() };
}
