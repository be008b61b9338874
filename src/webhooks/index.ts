export { createWebhookRoutes, type WebhookRoutesOptions } from './createWebhookRoutes.js';
export { createReplayGuard, type ReplayGuard, type ReplayGuardOptions } from './createReplayGuard.js';
export { SALESFORCE_SIGNATURE_HEADER } from './salesforceWebhook.js';
export { WEBHOOK_DEFAULTS, WEBHOOK_VENDORS, type WebhookEndpointConfig, type WebhooksConfig, type WebhookVendor } from './webhooksConfigSchema.js';
