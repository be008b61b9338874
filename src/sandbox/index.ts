export { startSandbox, SANDBOX_CREDENTIALS, SANDBOX_WEBHOOK_ENV, SANDBOX_WEBHOOK_SECRETS, type Sandbox, type StartSandboxOptions } from './startSandbox.js';
export type { FakeServer, FaultRule, FaultSpec, RequestLogEntry, WebhookFakeServer } from './fakeTypes.js';
export type { WebhookDelivery, WebhookSender, WebhookTarget } from './createWebhookSender.js';
