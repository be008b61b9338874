export { createGraphQLHandler, sendError, type ContextFactory } from './createGraphQLHandler.js';
export { createClientErrorHandler, type ClientError, type ClientErrorHandler } from './createClientErrorHandler.js';
