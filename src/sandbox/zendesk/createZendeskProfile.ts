import type { WebhookSender } from '../createWebhookSender.js';
import type { FakeVendorProfile } from '../fakeTypes.js';
import { createRateLimitWindow } from './createRateLimitWindow.js';
import { createZendeskAuthorizer, type ZendeskSandboxCredentials } from './createZendeskAuthorizer.js';
import { createZendeskPresets } from './createZendeskPresets.js';
import type { ZendeskIndex } from './indexZendeskData.js';
import { requestedTicketsRoute, searchRoute, showManyTicketsRoute, showManyUsersRoute, showUserRoute, updateTicketRoute, updateUserRoute, usersSearchRoute } from './routes/index.js';

/** What {@link createZendeskProfile} needs besides the data. */
export interface ZendeskProfileConfig extends ZendeskSandboxCredentials {
  /** Limit reported in the rate-limit headers, requests per minute. */
  readonly rateLimitPerMinute: number;
}

const LIST_PATH = /^\/api\/v2\/(?:users\/search|users\/show_many|users\/[^/]+\/tickets\/requested|search)(?:\.json)?$/;

/**
 * The Zendesk vendor profile for startFakeServer: routes, auth, 404 body, presets, and the rate-limit
 * headers (`X-Rate-Limit`, `X-Rate-Limit-Remaining` on every answer; `ratelimit-limit`,
 * `ratelimit-remaining`, `ratelimit-reset` on list endpoints).
 */
export function createZendeskProfile(index: ZendeskIndex, config: ZendeskProfileConfig, webhooks: WebhookSender): FakeVendorProfile {
  const rateWindow = createRateLimitWindow(config.rateLimitPerMinute);
  return {
    name: 'zendesk',
    authorize: createZendeskAuthorizer(config),
    notFound: () => ({ status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } }),
    presets: createZendeskPresets(rateWindow),
    // Fixed paths first: users/{id} would otherwise capture `search` and `show_many`.
    routes: [usersSearchRoute(index), showManyUsersRoute(index), showManyTicketsRoute(index), requestedTicketsRoute(index), showUserRoute(index), searchRoute(index), updateUserRoute(index, webhooks), updateTicketRoute(index, webhooks)],
    commonHeaders(req) {
      const snapshot = rateWindow.take();
      const headers: Record<string, string> = {
        'x-rate-limit': String(snapshot.limit),
        'x-rate-limit-remaining': String(snapshot.remaining),
      };
      if (LIST_PATH.test(req.path)) {
        headers['ratelimit-limit'] = String(snapshot.limit);
        headers['ratelimit-remaining'] = String(snapshot.remaining);
        headers['ratelimit-reset'] = String(snapshot.resetSeconds);
      }
      return headers;
    },
  };
}
