export { createPartialErrorsPlugin } from './partialErrorsPlugin.js';
export { createRequestLogPlugin } from './requestLogPlugin.js';
