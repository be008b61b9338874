import { describe, expect, it } from 'vitest';
import { createZendeskAuthorizer } from '../../../src/sandbox/zendesk/createZendeskAuthorizer.js';
import { fakeRequest } from './zendeskFixture.js';

const basic = (text: string): string => `Basic ${Buffer.from(text).toString('base64')}`;
const withOauth = createZendeskAuthorizer({ agentEmail: 'agent@x.example', apiToken: 'tok', oauthToken: 'oauth-1' });
const withoutOauth = createZendeskAuthorizer({ agentEmail: 'agent@x.example', apiToken: 'tok', oauthToken: undefined });

describe('createZendeskAuthorizer: Zendesk credentials', () => {
  it.each<[string, string | undefined, boolean]>([
    ['API token', basic('agent@x.example/token:tok'), true],
    ['API token, email in another case', basic('Agent@X.example/token:tok'), true],
    ['lower-case scheme', `basic ${Buffer.from('agent@x.example/token:tok').toString('base64')}`, true],
    ['OAuth token', 'Bearer oauth-1', true],
    ['wrong API token', basic('agent@x.example/token:nope'), false],
    ['password instead of a token', basic('agent@x.example:tok'), false],
    ['another agent', basic('other@x.example/token:tok'), false],
    ['wrong OAuth token', 'Bearer oauth-2', false],
    ['no header', undefined, false],
    ['garbage', 'Token abc', false],
  ])('%s → accepted %s', (_what, header, accepted) => {
    const answer = withOauth(fakeRequest('/api/v2/users/1', header === undefined ? {} : { authorization: header }));
    if (accepted) expect(answer).toBeNull();
    else expect(answer).toMatchObject({ status: 401, body: { error: "Couldn't authenticate you" } });
  });

  it('refuses Bearer tokens when no OAuth token is configured', () => {
    expect(withoutOauth(fakeRequest('/x', { authorization: 'Bearer oauth-1' }))?.status).toBe(401);
    expect(withoutOauth(fakeRequest('/x', { authorization: basic('agent@x.example/token:tok') }))).toBeNull();
  });
});
