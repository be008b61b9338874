export { startZendeskSandbox, ZENDESK_SANDBOX_DEFAULTS } from './startZendeskSandbox.js';
export type { ZendeskSandboxOptions } from './startZendeskSandbox.js';
