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
