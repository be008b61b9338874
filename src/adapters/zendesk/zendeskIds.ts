import { UpstreamError } from '../UpstreamError.js';

/** True for a Zendesk record id in canonical form: a positive integer without leading zeros, at most 2^53 − 1. */
export function isZendeskId(id: string): boolean {
  return /^[1-9]\d{0,15}$/.test(id) && Number.isSafeInteger(Number(id));
}

/** The per-key error for an id that cannot be a Zendesk id (no call is made for it). */
export function invalidIdError(source: string, id: string): UpstreamError {
  return new UpstreamError({ source, kind: 'rejected', message: `not a Zendesk record id: ${JSON.stringify(id.slice(0, 40))}` });
}

/** Any thrown value as an Error, for a batch slot. */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
