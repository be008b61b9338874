export { createZendeskAdapter } from './createZendeskAdapter.js';
export { ZENDESK_ADAPTER_DEFAULTS } from './resolveZendeskOptions.js';
export type { ZendeskAdapterOptions } from './resolveZendeskOptions.js';
export { zendeskHeaders } from './zendeskHeaders.js';
export type { ZendeskCredentials } from './zendeskHeaders.js';
