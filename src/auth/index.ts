export { applyAuthorization, fieldAccess, SchemaAuthorizationError } from './applyAuthorization.js';
export { authConfigSchema, type AuthConfig } from './authConfigSchema.js';
export { createAuthenticator, type Authenticate } from './createAuthenticator.js';
export { createDevJwtSigner, DEV_API_KEY, DEV_JWT_AUDIENCE, DEV_JWT_ISSUER, devAuthConfig, type DevJwtSigner } from './devCredentials.js';
export { hashApiKey } from './hashApiKey.js';
export { mask } from './mask.js';
export { piiAccess, type Principal } from './Principal.js';
export { resolvePurpose } from './resolvePurpose.js';
export { DEFAULT_ROLES, PURPOSES, SCOPES, type Purpose, type Scope } from './scopes.js';
