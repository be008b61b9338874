import { createHttpClient, type HttpClient } from '../../../src/adapters/http.js';
import { createRestAdapter, restSourceSchema, type RestSecrets } from '../../../src/adapters/rest/index.js';
import type { SourceAdapter } from '../../../src/adapters/types.js';
import type { FakeVendorProfile } from '../../../src/sandbox/fakeTypes.js';

/** A REST adapter over a raw config, with its HTTP clients closed by `close()`. */
export function restAdapter(raw: Record<string, unknown>, secrets: RestSecrets, tokenOrigin?: string): SourceAdapter & { close(): Promise<void> } {
  const settings = restSourceSchema.parse(raw);
  const clients: HttpClient[] = [createHttpClient({ source: settings.name, baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs })];
  if (tokenOrigin) clients.push(createHttpClient({ source: settings.name, baseUrl: tokenOrigin, timeoutMs: settings.timeoutMs }));
  const adapter = createRestAdapter({ settings, secrets, http: clients[0]!, ...(clients[1] ? { tokenHttp: clients[1] } : {}) });
  return {
    ...adapter,
    async close() {
      for (const client of clients) client.close();
    },
  };
}

const PEOPLE = Array.from({ length: 7 }, (_, i) => ({ id: `c${i + 1}`, first: `Given${i + 1}`, last: i < 5 ? 'Shared' : `Family${i + 1}`, email: `p${i + 1}@example.test` }));

/**
 * A small generic JSON API for the REST adapter's own tests (pagination and batching styles, OAuth2 client
 * credentials): `POST /oauth/token` (client `app:s3cret` by HTTP Basic, `expires_in` = `tokenTtlSeconds`),
 * `GET /v1/customers` (`ids=a,b` or repeated `id=`, or `email=`), `GET /v1/people` paged by `page`+`per_page`
 * (with `next_url` and a Link header) or `offset`+`limit`. Tokens issued can be revoked (`revoked`).
 */
export function genericApiProfile(state: { tokenTtlSeconds: number; issued: number; revoked: Set<string> }): FakeVendorProfile {
  const json = (body: unknown, headers: Record<string, string> = {}) => ({ status: 200, body, headers });
  return {
    name: 'generic',
    authorize(req) {
      if (req.path === '/oauth/token') return null;
      const token = /^Bearer (tok-\d+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (token && !state.revoked.has(token) && Number(token.slice(4)) <= state.issued) return null;
      return { status: 401, body: { error: 'invalid_token' } };
    },
    notFound: () => ({ status: 404, body: { error: 'not_found' } }),
    presets: {
      throttle: ({ retryAfterSeconds }) => ({ status: 429, body: { error: 'slow down' }, headers: retryAfterSeconds === undefined ? ({} as Record<string, string>) : { 'retry-after': String(retryAfterSeconds) } }),
      serverError: () => ({ status: 500, body: { error: 'boom' } }),
      unavailable: () => ({ status: 503, body: { error: 'maintenance' } }),
    },
    routes: [
      {
        name: 'token',
        method: 'POST',
        pattern: /^\/oauth\/token$/,
        handler(req) {
          const form = new URLSearchParams(req.body);
          const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
          if (form.get('grant_type') !== 'client_credentials' || basic !== 'app:s3cret') return { status: 401, body: { error: 'invalid_client' } };
          state.issued += 1;
          return json({ access_token: `tok-${state.issued}`, token_type: 'Bearer', expires_in: state.tokenTtlSeconds });
        },
      },
      {
        name: 'customers',
        method: 'GET',
        pattern: /^\/v1\/customers$/,
        handler(req) {
          const ids = req.query.has('ids') ? req.query.get('ids')!.split(',') : req.query.getAll('id');
          const email = req.query.get('email');
          return json({ data: PEOPLE.filter((p) => ids.includes(p.id) || (email !== null && p.email === email)) });
        },
      },
      {
        name: 'people',
        method: 'GET',
        pattern: /^\/v1\/people$/,
        handler(req) {
          const shared = PEOPLE.filter((p) => p.last === 'Shared');
          if (req.query.has('offset')) {
            const offset = Number(req.query.get('offset'));
            return json({ data: shared.slice(offset, offset + Number(req.query.get('limit'))) });
          }
          const page = Number(req.query.get('page') ?? 1);
          const size = Number(req.query.get('per_page') ?? 2);
          const more = page * size < shared.length;
          const next = `${req.origin}/v1/people?page=${page + 1}&per_page=${size}`;
          return json({ data: shared.slice((page - 1) * size, page * size), ...(more ? { next_url: next } : {}) }, more ? { link: `<${next}>; rel="next", <${req.origin}/v1/people?page=1>; rel="first"` } : {});
        },
      },
    ],
  };
}
