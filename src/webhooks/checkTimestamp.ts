import { GatewayErrorCode } from '../errors.js';
import type { WebhookRefusal } from './WebhookVendorHandler.js';

/**
 * Refuses a delivery whose signed time (`atMs`, ms since the epoch; NaN or null when missing or unreadable)
 * is more than `toleranceSeconds` before or after `nowMs`: an old delivery may be a replay, a future one a
 * forgery or a broken clock. Returns null when the time is acceptable.
 */
export function checkTimestamp(atMs: number | null, header: string, nowMs: number, toleranceSeconds: number): WebhookRefusal | null {
  const refuse = (message: string): WebhookRefusal => ({ status: 401, code: GatewayErrorCode.WebhookTimestampInvalid, outcome: 'timestamp_invalid', message });
  if (atMs === null || !Number.isFinite(atMs)) return refuse(`${header} is missing or not a timestamp`);
  const skewSeconds = Math.round((nowMs - atMs) / 1000);
  if (skewSeconds > toleranceSeconds) return refuse(`${header} is ${skewSeconds} s old; deliveries older than ${toleranceSeconds} s are refused`);
  if (-skewSeconds > toleranceSeconds) return refuse(`${header} is ${-skewSeconds} s in the future; more than ${toleranceSeconds} s is refused`);
  return null;
}

/** An ISO 8601 time (fractions of any length, as Shopify sends nanoseconds) as ms since the epoch, or null. */
export function parseIsoTime(text: string | undefined): number | null {
  if (!text || text.length > 64) return null;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(text.trim());
  if (!match) return null;
  const ms = Date.parse(`${match[1]}.${(match[2] ?? '0').slice(0, 3).padEnd(3, '0')}${match[3]}`);
  return Number.isNaN(ms) ? null : ms;
}
