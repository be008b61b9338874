/** Zendesk credentials: an agent's email with an API token, or an OAuth access token. */
export type ZendeskCredentials = { readonly email: string; readonly apiToken: string } | { readonly oauthToken: string };

/**
 * The `Authorization` header for Zendesk
 * (https://developer.zendesk.com/api-reference/introduction/security-and-auth/):
 * `Basic base64("<email>/token:<apiToken>")` for an API token, `Bearer <oauthToken>` for OAuth. Pass the
 * result as `headers` to createHttpClient. Throws a TypeError naming an empty or malformed credential
 * (the value itself is never echoed, it is a secret).
 */
export function zendeskHeaders(credentials: ZendeskCredentials): Record<string, string> {
  if ('oauthToken' in credentials) {
    if (typeof credentials.oauthToken !== 'string' || !/^\S+$/.test(credentials.oauthToken)) {
      throw new TypeError('zendeskHeaders: oauthToken must be a non-empty string without spaces');
    }
    return { authorization: `Bearer ${credentials.oauthToken}` };
  }
  const { email, apiToken } = credentials;
  if (typeof email !== 'string' || !/^[^\s@:/]+@[^\s@:/]+$/.test(email)) {
    throw new TypeError(`zendeskHeaders: email must be an agent's email address, got ${JSON.stringify(email)}`);
  }
  if (typeof apiToken !== 'string' || apiToken.trim() === '') {
    throw new TypeError('zendeskHeaders: apiToken must be a non-empty string');
  }
  return { authorization: `Basic ${Buffer.from(`${email}/token:${apiToken}`, 'utf8').toString('base64')}` };
}
