// Internal: one call to Salesforce, from transport to a validated body.
import type { z } from 'zod';
import { parseJsonBody } from '../http.js';
import { UpstreamError } from '../UpstreamError.js';
import { redactUrl } from './redactUrl.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { toSalesforceError } from './toSalesforceError.js';

/** One call: a path relative to the instance URL (or a `nextRecordsUrl`) and its parameters. */
export interface SalesforceCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly params?: Readonly<Record<string, string | number>> | undefined;
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Performs `call` and returns the body checked against `schema`. Rejects with an {@link UpstreamError}
 * only: transport failures as the HTTP client classifies them, non-2xx answers via toSalesforceError,
 * HTML/empty/malformed bodies and unexpected shapes as `bad_response`. Error URLs have the SOQL redacted.
 */
export async function requestSalesforce<T>(options: ResolvedSalesforceOptions, call: SalesforceCall, schema: z.ZodType<T>): Promise<T> {
  const res = await options.http.request(call);
  if (res.status < 200 || res.status >= 300) throw toSalesforceError(options.name, res);
  const url = redactUrl(res.url);
  const parsed = schema.safeParse(parseJsonBody(options.name, { ...res, url }));
  if (!parsed.success) throw badShape(options.name, parsed.error, res.method, url, res.status);
  return parsed.data;
}

/** A `bad_response` naming where `error` (a zod failure) found the body off-shape; no values quoted. */
export function badShape(source: string, error: z.ZodError, method: string, url: string, status: number): UpstreamError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  return new UpstreamError({
    source,
    kind: 'bad_response',
    message: `unexpected Salesforce response shape at ${where}: ${issue?.message ?? 'invalid'} (HTTP ${status})`,
    method,
    url,
    status,
  });
}
