/**
 * The headers a Shopify HTTP client sends on every call (pass them to createHttpClient's `headers`):
 * `X-Shopify-Access-Token: <accessToken>`, an Admin API access token (`shpat_…`) of a custom app or an
 * OAuth access token (https://shopify.dev/docs/api/usage/authentication#making-authenticated-requests).
 * Throws a TypeError when `accessToken` is not a non-empty string.
 */
export function shopifyHeaders(credentials: { accessToken: string }): Record<string, string> {
  const token: unknown = credentials?.accessToken;
  if (typeof token !== 'string' || token.trim() === '') {
    throw new TypeError('shopifyHeaders: accessToken must be a non-empty string');
  }
  return { 'x-shopify-access-token': token.trim() };
}
