export { callRestEndpoint, compileEndpoint, nextLink, type CompiledEndpoint, type RestCallDeps } from './callRestEndpoint.js';
export { asList, compileExpression, type Expression } from './compileExpression.js';
export { createRestAdapter, type RestAdapterOptions } from './createRestAdapter.js';
export { createRestAuth, type RestAuth } from './createRestAuth.js';
export { restSourceSchema, type RestEndpoint, type RestSecrets, type RestSourceSettings } from './restSourceSchema.js';
