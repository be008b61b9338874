export { CONSOLE_OPERATIONS, type ConsoleOperationName } from './consoleOperations.js';
export { createOperationRegistry, operationId, type OperationRegistry } from './createOperationRegistry.js';
export { applyPersistedOperation, type PersistedOutcome } from './applyPersistedOperation.js';
export { createConsoleRoutes, type StaticRoutes } from './createConsoleRoutes.js';
export { createGraphiqlRoute } from './createGraphiqlRoute.js';
