import type { FakeRequest, FakeResponse, FakeVendorProfile } from '../fakeTypes.js';
import type { HubSpotContact } from './createHubSpotContacts.js';
import { HUBSPOT_OPERATORS, matchHubSpotFilter, type HubSpotFilter } from './matchHubSpotFilter.js';

/** What {@link createHubSpotProfile} needs besides the contacts. */
export interface HubSpotProfileConfig {
  /** Accepted private-app token (`Authorization: Bearer <token>`). */
  readonly accessToken: string;
  /** Burst limit reported in `X-HubSpot-RateLimit-Max` per `intervalMs` (reported, not enforced). */
  readonly burstMax: number;
  readonly intervalMs: number;
}

const DEFAULT_PROPERTIES = ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];
const FREE_TEXT_PROPERTIES = ['firstname', 'lastname', 'email', 'phone', 'mobilephone'];
const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 10;
const MAX_FILTERS = 25;
const MAX_LIMIT = 200;
const MAX_RESULTS = 10_000;
const MAX_BATCH_INPUTS = 100;

/**
 * The HubSpot CRM vendor profile for startFakeServer (wire shapes: https://developers.hubspot.com/docs/api/crm/search
 * and the contacts batch API): `POST /crm/v3/objects/contacts/search` (filterGroups ORed, filters ANDed, with
 * EQ NEQ IN NOT_IN HAS_PROPERTY NOT_HAS_PROPERTY CONTAINS_TOKEN NOT_CONTAINS_TOKEN; free-text `query`;
 * `properties`; `sorts`; `limit` ≤200; `after`; `{total,results,paging?}`; ≤5 groups, ≤10 filters per group,
 * ≤25 filters, 10 000 results → 400 VALIDATION_ERROR), `POST /crm/v3/objects/contacts/batch/read` (≤100
 * inputs, `idProperty`; 200 COMPLETE, or 207 with OBJECT_NOT_FOUND `errors[]`) and `GET
 * /crm/v3/objects/contacts/{id}` (`idProperty`, 404 OBJECT_NOT_FOUND). Every answer carries
 * `X-HubSpot-RateLimit-*` headers. Bearer auth; else 401 INVALID_AUTHENTICATION.
 */
export function createHubSpotProfile(contacts: readonly HubSpotContact[], config: HubSpotProfileConfig): FakeVendorProfile {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  let correlation = 0;
  const error = (status: number, category: string, message: string, extra: Record<string, unknown> = {}): FakeResponse => ({
    status,
    body: { status: 'error', message, correlationId: correlationId(++correlation), category, ...extra },
  });
  let windowStart = Date.now();
  let used = 0;
  const rateHeaders = (remaining?: number): Record<string, string> => {
    const now = Date.now();
    if (now - windowStart >= config.intervalMs) {
      windowStart = now;
      used = 0;
    }
    used += 1;
    return {
      'x-hubspot-ratelimit-interval-milliseconds': String(config.intervalMs),
      'x-hubspot-ratelimit-max': String(config.burstMax),
      'x-hubspot-ratelimit-remaining': String(remaining ?? Math.max(0, config.burstMax - used)),
      'x-hubspot-ratelimit-daily': '1000000',
      'x-hubspot-ratelimit-daily-remaining': String(1_000_000 - used),
    };
  };
  const findBy = (value: string, idProperty: string | null): HubSpotContact | undefined =>
    idProperty === null || idProperty === 'hs_object_id' ? byId.get(value) : contacts.find((c) => (c.properties[idProperty] ?? '').toLowerCase() === value.toLowerCase());

  return {
    name: 'hubspot',
    authorize(req) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      if (bearer?.[1] === config.accessToken) return null;
      return error(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview');
    },
    notFound: () => ({ status: 404, body: '' }),
    presets: {
      throttle: ({ retryAfterSeconds }) => ({
        ...error(429, 'RATE_LIMITS', 'You have reached your secondly limit.', { errorType: 'RATE_LIMIT', policyName: 'SECONDLY' }),
        headers: { ...rateHeaders(0), ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }) },
      }),
      serverError: () => error(500, 'INTERNAL_ERROR', 'internal error'),
      unavailable: () => error(503, 'SERVICE_UNAVAILABLE', 'Service Unavailable'),
    },
    commonHeaders: () => rateHeaders(),
    routes: [
      {
        name: 'contacts.search',
        method: 'POST',
        pattern: /^\/crm\/v3\/objects\/contacts\/search$/,
        handler(req) {
          const body = readJson(req);
          if (body === undefined) return error(400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1');
          const groups = Array.isArray(body.filterGroups) ? (body.filterGroups as Array<{ filters?: unknown }>) : [];
          const filterLists = groups.map((g) => (Array.isArray(g.filters) ? (g.filters as HubSpotFilter[]) : []));
          const total = filterLists.reduce((n, f) => n + f.length, 0);
          if (groups.length > MAX_GROUPS || filterLists.some((f) => f.length > MAX_FILTERS_PER_GROUP) || total > MAX_FILTERS) {
            return error(400, 'VALIDATION_ERROR', `Too many filters: at most ${MAX_GROUPS} filterGroups, ${MAX_FILTERS_PER_GROUP} filters in a group and ${MAX_FILTERS} in all`);
          }
          const bad = filterLists.flat().find((f) => typeof f.propertyName !== 'string' || !(HUBSPOT_OPERATORS as readonly string[]).includes(f.operator));
          if (bad) return error(400, 'VALIDATION_ERROR', `Invalid filter: operator ${JSON.stringify(bad.operator)} on ${JSON.stringify(bad.propertyName)}`);
          const limit = body.limit === undefined ? 10 : Number(body.limit);
          const after = body.after === undefined || body.after === null ? 0 : Number(body.after);
          if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return error(400, 'VALIDATION_ERROR', `limit must be between 1 and ${MAX_LIMIT}`);
          if (!Number.isInteger(after) || after < 0) return error(400, 'VALIDATION_ERROR', 'after must be a non-negative integer string');
          if (after + limit > MAX_RESULTS) return error(400, 'VALIDATION_ERROR', `The search API returns at most ${MAX_RESULTS} results`);
          const words = typeof body.query === 'string' ? body.query.toLowerCase().split(/\s+/).filter(Boolean) : [];
          let found = contacts.filter(
            (c) =>
              (filterLists.length === 0 || filterLists.some((filters) => filters.every((f) => matchHubSpotFilter(c, f)))) &&
              words.every((w) => FREE_TEXT_PROPERTIES.some((p) => (c.properties[p] ?? '').toLowerCase().split(/[\s@.+-]+/).some((t) => t.startsWith(w)))),
          );
          found = sortContacts(found, body.sorts);
          const page = found.slice(after, after + limit);
          const properties = Array.isArray(body.properties) && body.properties.length > 0 ? (body.properties as string[]) : DEFAULT_PROPERTIES;
          return {
            status: 200,
            body: {
              total: found.length,
              results: page.map((c) => render(c, properties)),
              ...(after + limit < found.length ? { paging: { next: { after: String(after + limit) } } } : {}),
            },
          };
        },
      },
      {
        name: 'contacts.batchRead',
        method: 'POST',
        pattern: /^\/crm\/v3\/objects\/contacts\/batch\/read$/,
        handler(req) {
          const body = readJson(req);
          if (body === undefined || !Array.isArray(body.inputs)) return error(400, 'VALIDATION_ERROR', 'Invalid input JSON: inputs is required');
          if (body.inputs.length > MAX_BATCH_INPUTS) return error(400, 'VALIDATION_ERROR', `Batch input size too large: at most ${MAX_BATCH_INPUTS}`);
          const idProperty = typeof body.idProperty === 'string' ? body.idProperty : null;
          const properties = Array.isArray(body.properties) && body.properties.length > 0 ? (body.properties as string[]) : DEFAULT_PROPERTIES;
          const startedAt = new Date().toISOString();
          const results: unknown[] = [];
          const missing: string[] = [];
          for (const input of body.inputs as Array<{ id?: unknown }>) {
            const id = String(input?.id ?? '');
            const contact = findBy(id, idProperty);
            if (contact) results.push(render(contact, properties));
            else missing.push(id);
          }
          const completedAt = new Date().toISOString();
          if (missing.length === 0) return { status: 200, body: { status: 'COMPLETE', results, startedAt, completedAt } };
          return {
            status: 207,
            body: {
              status: 'COMPLETE',
              results,
              numErrors: 1,
              errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.', context: { ids: missing }, errors: [] }],
              startedAt,
              completedAt,
            },
          };
        },
      },
      {
        name: 'contacts.get',
        method: 'GET',
        pattern: /^\/crm\/v3\/objects\/contacts\/([^/]+)$/,
        handler(req, match) {
          const contact = findBy(decodeURIComponent(match[1]!), req.query.get('idProperty'));
          if (!contact) return error(404, 'OBJECT_NOT_FOUND', 'resource not found');
          const properties = req.query.getAll('properties').flatMap((p) => p.split(',')).filter(Boolean);
          return { status: 200, body: render(contact, properties.length > 0 ? properties : DEFAULT_PROPERTIES) };
        },
      },
    ],
  };
}

function render(contact: HubSpotContact, properties: readonly string[]): Record<string, unknown> {
  const props: Record<string, string | null> = {};
  for (const name of properties) if (Object.hasOwn(contact.properties, name)) props[name] = contact.properties[name] ?? null;
  props.hs_object_id = contact.id;
  return { id: contact.id, properties: props, createdAt: contact.createdAt, updatedAt: contact.updatedAt, archived: false };
}

function sortContacts(list: HubSpotContact[], sorts: unknown): HubSpotContact[] {
  const first = Array.isArray(sorts) ? (sorts[0] as unknown) : undefined;
  let property = 'hs_object_id';
  let descending = false;
  if (typeof first === 'string') {
    descending = first.startsWith('-');
    property = first.replace(/^-/, '');
  } else if (first && typeof first === 'object') {
    property = String((first as { propertyName?: unknown }).propertyName ?? property);
    descending = (first as { direction?: unknown }).direction === 'DESCENDING';
  }
  const key = (c: HubSpotContact) => (property === 'hs_object_id' ? c.id.padStart(20, '0') : (c.properties[property] ?? ''));
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (descending ? -1 : 1));
}

function readJson(req: FakeRequest): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(req.body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function correlationId(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `c0a8e5d2-1f3b-4c6d-9e7f-${hex}`;
}
