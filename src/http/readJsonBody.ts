import type { IncomingMessage } from 'node:http';
import { readRawBody } from './readRawBody.js';

/** Why a request body could not be read. */
export type BodyOutcome =
  | { readonly kind: 'ok'; readonly body: unknown }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'invalidJson' }
  | { readonly kind: 'aborted' };

/**
 * Reads a request body up to `limitBytes`. JSON content types are parsed; any other type is passed on as
 * text (Apollo then rejects it with its own CSRF / content-type errors). Never throws.
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyOutcome> {
  const read = await readRawBody(req, limitBytes);
  if (read.kind !== 'ok') return read;
  const text = read.raw.toString('utf8');
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!/^application\/(graphql-response\+)?json\s*(;|$)/.test(type) || text === '') return { kind: 'ok', body: text };
  try {
    return { kind: 'ok', body: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalidJson' };
  }
}
