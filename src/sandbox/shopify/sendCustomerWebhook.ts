import { createHmac, randomUUID } from 'node:crypto';
import type { WebhookSender } from '../createWebhookSender.js';
import type { ShopifyCustomer } from '../dataset/types.js';
import { renderRestCustomer } from './renderRestCustomer.js';

/** The shop domain the sandbox's webhooks name in `X-Shopify-Shop-Domain`. */
export const SANDBOX_SHOP_DOMAIN = 'c360-sandbox.myshopify.com';

/**
 * Internal: sends a `customers/*` webhook as Shopify does (https://shopify.dev/docs/apps/build/webhooks/verify-deliveries):
 * the customer in the REST shape as body, `X-Shopify-Hmac-Sha256` = base64 HMAC-SHA256 of the body under the
 * secret, `X-Shopify-Topic`, `X-Shopify-Webhook-Id`, `X-Shopify-Event-Id`, `X-Shopify-Triggered-At`,
 * `X-Shopify-Shop-Domain`, `X-Shopify-API-Version`. No-op while the sender has no target.
 */
export function sendCustomerWebhook(webhooks: WebhookSender, topic: string, customer: ShopifyCustomer, apiVersion: string): void {
  const text = JSON.stringify(renderRestCustomer(customer));
  webhooks.send((secret) => ({
    body: text,
    headers: {
      'x-shopify-topic': topic,
      'x-shopify-hmac-sha256': createHmac('sha256', secret).update(text).digest('base64'),
      'x-shopify-shop-domain': SANDBOX_SHOP_DOMAIN,
      'x-shopify-api-version': apiVersion,
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-event-id': randomUUID(),
      'x-shopify-triggered-at': new Date().toISOString(),
    },
  }));
}
