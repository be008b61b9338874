import { describe, expect, it } from 'vitest';
import { zendeskHeaders, type ZendeskCredentials } from '../../../src/adapters/zendesk/index.js';

describe('zendeskHeaders: Authorization header', () => {
  it('encodes an API token as Basic <email>/token:<token>', () => {
    const headers = zendeskHeaders({ email: 'agent@acme.example', apiToken: 's3cr3t' });
    expect(headers).toEqual({ authorization: `Basic ${Buffer.from('agent@acme.example/token:s3cr3t').toString('base64')}` });
    expect(Buffer.from((headers.authorization ?? '').slice(6), 'base64').toString()).toBe('agent@acme.example/token:s3cr3t');
  });

  it('sends an OAuth token as Bearer', () => {
    expect(zendeskHeaders({ oauthToken: 'abc.def' })).toEqual({ authorization: 'Bearer abc.def' });
  });

  it.each<[ZendeskCredentials, RegExp]>([
    [{ email: 'no-at-sign', apiToken: 't' }, /email must be an agent's email address, got "no-at-sign"/],
    [{ email: 'a@b.example', apiToken: ' ' }, /apiToken must be a non-empty string$/],
    [{ oauthToken: '' }, /oauthToken must be a non-empty string/],
    [{ oauthToken: 'a b' }, /oauthToken/],
  ])('rejects %j', (credentials, message) => {
    expect(() => zendeskHeaders(credentials)).toThrow(TypeError);
    expect(() => zendeskHeaders(credentials)).toThrow(message);
  });
});
