import { parseJsonBody, parseRetryAfter, type HttpClient } from '../http.js';
import type { CallContext } from '../types.js';
import { UpstreamError } from '../UpstreamError.js';
import type { RestSecrets, RestSourceSettings } from './restSourceSchema.js';

/** Auth headers for each call of a `kind: rest` source. */
export interface RestAuth {
  /** Headers to send; for OAuth2, fetches (or reuses) an access token first. Rejects with an UpstreamError. */
  headers(ctx: CallContext): Promise<Record<string, string>>;
  /** Whether a 401 may be cured by {@link invalidate} and one more try (OAuth2 only). */
  readonly refreshable: boolean;
  /** Forgets the cached access token (after the API answered 401 with it). */
  invalidate(): void;
}

/** Seconds of lifetime a token must have left to be reused: a call must not start with a token about to expire. */
const EXPIRY_MARGIN_MS = 30_000;
/** Lifetime assumed when the token answer has no `expires_in`, ms. */
const DEFAULT_TOKEN_TTL_MS = 300_000;

/**
 * Builds the auth of a `kind: rest` source: `bearer` (`Authorization: Bearer`), `basic` (RFC 7617),
 * `apiKey` (a named header) or `oauth2ClientCredentials` (RFC 6749 §4.4: a token from `tokenUrl`, cached
 * until 30 s before `expires_in`, concurrent refreshes sharing one token call, client authenticated by HTTP
 * Basic or body parameters). A token endpoint answering 400/401 fails with SOURCE_AUTH_FAILED; other failures
 * map like API calls. `tokenClient` is the HTTP client of the token URL's origin.
 */
export function createRestAuth(source: string, auth: RestSourceSettings['auth'], secrets: RestSecrets, tokenClient?: HttpClient): RestAuth {
  switch (auth.type) {
    case 'none':
      return { refreshable: false, invalidate: () => undefined, headers: async () => ({}) };
    case 'bearer':
      return fixed({ authorization: `Bearer ${secrets.token ?? ''}` });
    case 'basic':
      return fixed({ authorization: `Basic ${Buffer.from(`${secrets.username ?? ''}:${secrets.password ?? ''}`).toString('base64')}` });
    case 'apiKey':
      return fixed({ [auth.header.toLowerCase()]: secrets.apiKey ?? '' });
    case 'oauth2ClientCredentials': {
      if (!tokenClient) throw new TypeError(`createRestAuth: ${source}: oauth2ClientCredentials needs a token client`);
      let cached: { token: string; expiresAt: number } | null = null;
      let pending: Promise<string> | null = null;
      const fetchToken = async (ctx: CallContext): Promise<string> => {
        const form = new URLSearchParams({ grant_type: 'client_credentials' });
        if (auth.scope) form.set('scope', auth.scope);
        const headers: Record<string, string> = {};
        const id = secrets.clientId ?? '';
        const secret = secrets.clientSecret ?? '';
        if (auth.clientAuth === 'basic') headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
        else {
          form.set('client_id', id);
          form.set('client_secret', secret);
        }
        const res = await tokenClient.request({ method: 'POST', path: auth.tokenUrl, body: form, headers, signal: ctx.signal });
        const fail = (kind: UpstreamError['kind'], why: string, retryAfterMs?: number) =>
          new UpstreamError({ source, kind, message: `OAuth2 token endpoint: ${why}`, method: 'POST', url: res.url, status: res.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
        if (res.status === 400 || res.status === 401) {
          let code = '';
          try {
            code = String((parseJsonBody(source, res) as { error?: unknown }).error ?? '');
          } catch {
            // The status alone decides; the body is only for the message.
          }
          throw fail('auth', `HTTP ${res.status}${code ? ` ${code}` : ''}`);
        }
        if (res.status === 429) throw fail('rate_limited', 'HTTP 429', parseRetryAfter(res.headers['retry-after']));
        if (res.status >= 500) throw fail('unavailable', `HTTP ${res.status}`);
        if (res.status !== 200) throw fail('rejected', `HTTP ${res.status}`);
        const body = parseJsonBody(source, res) as { access_token?: unknown; expires_in?: unknown };
        if (typeof body.access_token !== 'string' || body.access_token === '') throw fail('bad_response', 'answer has no access_token');
        const ttlMs = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in * 1000 : DEFAULT_TOKEN_TTL_MS;
        cached = { token: body.access_token, expiresAt: Date.now() + ttlMs };
        return body.access_token;
      };
      return {
        refreshable: true,
        invalidate() {
          cached = null;
        },
        async headers(ctx) {
          if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return { authorization: `Bearer ${cached.token}` };
          pending ??= fetchToken(ctx).finally(() => {
            pending = null;
          });
          return { authorization: `Bearer ${await pending}` };
        },
      };
    }
    default: {
      const unreachable: never = auth;
      return unreachable;
    }
  }
}

function fixed(headers: Record<string, string>): RestAuth {
  return { refreshable: false, invalidate: () => undefined, headers: async () => headers };
}
