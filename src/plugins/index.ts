export { createMetricsPlugin } from './metricsPlugin.js';
export { createPartialErrorsPlugin } from './partialErrorsPlugin.js';
export { createRequestLogPlugin } from './requestLogPlugin.js';
export { createSourceStatusPlugin } from './sourceStatusPlugin.js';
