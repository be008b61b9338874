import { describe, expect, it } from 'vitest';
import { createRateLimitWindow } from '../../../src/sandbox/zendesk/createRateLimitWindow.js';
import { createZendeskPresets } from '../../../src/sandbox/zendesk/createZendeskPresets.js';

const window = (limit: number) => createRateLimitWindow(limit, () => 0);

describe('createZendeskPresets: Zendesk failure answers', () => {
  it('throttles with 429, Retry-After and alternating plain-text bodies', () => {
    const presets = createZendeskPresets(window(400));
    const first = presets.throttle({});
    const second = presets.throttle({ retryAfterSeconds: 3 });
    expect(first).toEqual({
      status: 429,
      body: 'Too Many Requests',
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10', 'x-rate-limit': '400', 'x-rate-limit-remaining': '0' },
    });
    expect(second.body).toBe('Rate limit for ticket updates exceeded, please wait before updating this ticket again');
    expect(second.headers?.['retry-after']).toBe('3');
  });

  it('answers 500 with a string error and 503 with an object error', () => {
    const presets = createZendeskPresets(window(700));
    expect(presets.serverError()).toMatchObject({
      status: 500,
      body: { error: 'InternalServerError', description: expect.any(String) },
      headers: { 'x-rate-limit': '700', 'x-rate-limit-remaining': '699' },
    });
    expect(presets.unavailable()).toMatchObject({
      status: 503,
      body: { error: { title: 'Service Unavailable', message: expect.any(String) } },
      headers: { 'x-rate-limit': '700', 'x-rate-limit-remaining': '698' },
    });
  });
});
