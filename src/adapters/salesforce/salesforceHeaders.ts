/**
 * The headers a Salesforce HTTP client sends on every call (pass them to createHttpClient's `headers`):
 * `Authorization: Bearer <accessToken>` with an OAuth access token or session id
 * (https://developer.salesforce.com/docs/platform/api-rest/guide/quickstart-oauth.html).
 * Throws a TypeError when `accessToken` is not a non-empty string.
 */
export function salesforceHeaders(credentials: { accessToken: string }): Record<string, string> {
  const token: unknown = credentials?.accessToken;
  if (typeof token !== 'string' || token.trim() === '') {
    throw new TypeError('salesforceHeaders: accessToken must be a non-empty string');
  }
  return { authorization: `Bearer ${token.trim()}` };
}
