import type { IncomingMessage } from 'node:http';

/** A request body as bytes, or why it was not read. */
export type RawBody = { readonly kind: 'ok'; readonly raw: Buffer } | { readonly kind: 'tooLarge' } | { readonly kind: 'aborted' };

/**
 * Reads a request body as the bytes sent (signatures are computed over them, never over re-serialised JSON),
 * up to `limitBytes`; a larger declared or actual body stops reading at once. Never throws.
 */
export function readRawBody(req: IncomingMessage, limitBytes: number): Promise<RawBody> {
  return new Promise((resolve) => {
    if (Number(req.headers['content-length'] ?? 0) > limitBytes) {
      req.resume();
      resolve({ kind: 'tooLarge' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limitBytes) {
        done = true;
        req.resume();
        resolve({ kind: 'tooLarge' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      if (!done) resolve({ kind: 'aborted' });
      done = true;
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve({ kind: 'ok', raw: Buffer.concat(chunks) });
    });
  });
}
