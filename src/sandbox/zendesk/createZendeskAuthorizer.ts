import type { FakeRequest, FakeResponse } from '../fakeTypes.js';

/** The credentials the sandbox accepts. */
export interface ZendeskSandboxCredentials {
  readonly agentEmail: string;
  readonly apiToken: string;
  /** When undefined, Bearer tokens are refused. */
  readonly oauthToken: string | undefined;
}

/**
 * Zendesk's auth check (https://developer.zendesk.com/api-reference/introduction/security-and-auth/):
 * `Authorization: Basic base64("<agentEmail>/token:<apiToken>")` (email compared case-insensitively) or
 * `Bearer <oauthToken>`; anything else → 401 `{"error":"Couldn't authenticate you"}`.
 */
export function createZendeskAuthorizer(credentials: ZendeskSandboxCredentials): (req: FakeRequest) => FakeResponse | null {
  const expectedUser = `${credentials.agentEmail.toLowerCase()}/token`;
  return (req) => {
    const header = req.headers.authorization ?? '';
    const basic = /^Basic\s+(\S+)$/i.exec(header);
    if (basic?.[1] !== undefined) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0 && decoded.slice(0, colon).toLowerCase() === expectedUser && decoded.slice(colon + 1) === credentials.apiToken) return null;
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    if (bearer?.[1] !== undefined && credentials.oauthToken !== undefined && bearer[1] === credentials.oauthToken) return null;
    return { status: 401, body: { error: "Couldn't authenticate you" }, headers: { 'www-authenticate': 'Basic realm="Web Password"' } };
  };
}
