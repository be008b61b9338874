import type { IncomingHttpHeaders } from 'node:http';
import type { CountryCode } from 'libphonenumber-js';
import type { GatewayErrorCode } from '../errors.js';

/** Why a delivery was refused before anything changed: HTTP status, stable code, metric outcome, message. */
export interface WebhookRefusal {
  readonly status: 400 | 401 | 409 | 413;
  readonly code: GatewayErrorCode;
  /** `c360_webhooks_total` outcome label. */
  readonly outcome: 'signature_invalid' | 'timestamp_invalid' | 'replayed' | 'malformed' | 'too_large';
  readonly message: string;
}

/** A delivery whose signature (and timestamp) checked out; `deliveryId` identifies it for replay detection. */
export interface VerifiedDelivery {
  readonly deliveryId: string;
}

/**
 * What a verified delivery means (STYLE.md rule 10):
 * - `change`: these record ids of the vendor's source changed, and the changed records now hold these
 *   lookup keys (`keyOf` form); ids are in the adapter's `ref.id` form;
 * - `ignored`: a topic or object the gateway does not cache anything about (answered 202, nothing changes);
 * - `malformed`: signed, but the body names no record the gateway can map (400).
 */
export type WebhookMeaning =
  | {
      readonly kind: 'change';
      readonly ids: readonly string[];
      readonly keys: readonly string[];
      /** Topic or event type, for logs. */
      readonly what: string;
      /** The vendor's event id from the body, when it has one: used instead of the delivery id for replay detection. */
      readonly eventId?: string;
    }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'malformed'; readonly reason: string };

/** What a vendor handler gets besides the delivery itself. */
export interface WebhookContext {
  readonly secret: string;
  readonly nowMs: number;
  readonly toleranceSeconds: number;
  /** Region for national phone numbers in payloads (`identity.defaultRegion`). */
  readonly defaultRegion: CountryCode;
}

/** One vendor's webhook dialect: how its deliveries are signed and what their bodies say. */
export interface WebhookVendorHandler {
  /** Checks the signature over the raw body and the signed timestamp; never throws. */
  verify(headers: IncomingHttpHeaders, raw: Buffer, ctx: WebhookContext): WebhookRefusal | VerifiedDelivery;
  /** Maps a verified, JSON-parsed body to the records it changed; never throws. */
  interpret(headers: IncomingHttpHeaders, body: unknown, ctx: WebhookContext): WebhookMeaning;
}
