export { createGraphQLHandler, sendError, type ContextFactory } from './createGraphQLHandler.js';
