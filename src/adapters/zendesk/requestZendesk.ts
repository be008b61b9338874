// Internal: one GET to Zendesk, from transport to a validated body.
import type { z } from 'zod';
import { parseJsonBody } from '../http.js';
import { UpstreamError } from '../UpstreamError.js';
import type { ResolvedZendeskOptions } from './resolveZendeskOptions.js';
import { redactUrl } from './redactUrl.js';
import { toZendeskError } from './toZendeskError.js';

/** One call: a path relative to the base URL (or an absolute "next" URL on its origin) and its parameters. */
export interface ZendeskCall {
  readonly path: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly signal?: AbortSignal | undefined;
}

/**
 * GETs `call` and returns the body checked against `schema`. Rejects with an {@link UpstreamError} only:
 * transport failures as the HTTP client classifies them, non-2xx answers via toZendeskError (the status
 * is kept, so callers can treat a 404 as "missing"), HTML/empty/malformed bodies and unexpected shapes as
 * `bad_response`. Error URLs have customer data redacted.
 */
export async function requestZendesk<T>(options: ResolvedZendeskOptions, call: ZendeskCall, schema: z.ZodType<T>): Promise<T> {
  const res = await options.http.request({ method: 'GET', path: call.path, params: call.params, signal: call.signal });
  if (res.status < 200 || res.status >= 300) throw toZendeskError(options.name, res);
  const parsed = schema.safeParse(parseJsonBody(options.name, res));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    throw new UpstreamError({
      source: options.name,
      kind: 'bad_response',
      message: `unexpected Zendesk response shape at ${where}: ${issue?.message ?? 'invalid'} (HTTP ${res.status})`,
      method: res.method,
      url: redactUrl(res.url),
      status: res.status,
    });
  }
  return parsed.data;
}
