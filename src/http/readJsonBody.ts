import type { IncomingMessage } from 'node:http';

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
export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limitBytes) {
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
      const text = Buffer.concat(chunks).toString('utf8');
      const type = String(req.headers['content-type'] ?? '').toLowerCase();
      if (!/^application\/(graphql-response\+)?json\s*(;|$)/.test(type) || text === '') {
        resolve({ kind: 'ok', body: text });
        return;
      }
      try {
        resolve({ kind: 'ok', body: JSON.parse(text) as unknown });
      } catch {
        resolve({ kind: 'invalidJson' });
      }
    });
  });
}
