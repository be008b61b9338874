import { maxHeaderSize, STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { GatewayErrorCode } from '../errors.js';

/** What Node passes to `clientError`: an Error with Node's or llhttp's code (`HPE_*`, `ECONNRESET`, ...). */
export type ClientError = Error & { readonly code?: string };

/** The HTTP server's `clientError` listener. */
export type ClientErrorHandler = (error: ClientError, socket: Duplex) => void;

/** Longest a refused connection may wait for an earlier response on it before it is cut, ms. */
const PENDING_RESPONSE_WAIT_MS = 10_000;

/**
 * The `clientError` listener for the gateway's HTTP server. Node's HTTP parser refuses some requests before
 * any handler runs and, without a listener, answers with a bare status and an empty body. This answers them
 * like every other refusal: a GraphQL-shaped JSON body with a stable `extensions.code`, then closes the
 * connection (the parser cannot continue on it):
 * - `HPE_HEADER_OVERFLOW` (request line plus headers over `--max-http-header-size`, default 16 KiB; a long URL
 *   counts) → 431 `REQUEST_HEADERS_TOO_LARGE`;
 * - `ERR_HTTP_REQUEST_TIMEOUT` → 408 `REQUEST_TIMEOUT`;
 * - any other parser error (invalid, repeated or chunked-and-sized Content-Length, bare LF, garbage request
 *   line, unknown HTTP version, bad chunk) → 400 `MALFORMED_REQUEST` with `extensions.reason` the parser's
 *   code (`HPE_INVALID_CONTENT_LENGTH`, ...).
 * A reset connection, or one that can no longer be written, is destroyed without an answer. An error inside a
 * request's body (a bad chunk) is answered in that request's place unless its response has begun (then the
 * connection is cut). When an earlier, complete request on the connection is still being answered (a lying
 * Content-Length made the leftover bytes a second request), the refusal follows that response, so the two
 * never interleave. Logs at debug: a flood of
 * malformed requests must not flood the log.
 */
export function createClientErrorHandler(logger: Logger): ClientErrorHandler {
  return (error, socket) => {
    const code = error.code ?? 'UNKNOWN';
    logger.debug({ code }, 'HTTP parser refused a request');
    if (code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer = render(answerFor(code));
    const send = () => {
      if (socket.writable) socket.end(answer);
      else socket.destroy();
    };
    const pending = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (pending && !pending.writableFinished && !pending.req.complete) {
      // The error is in this request's own body (a bad chunk): answer it in its response's place, as Node's
      // default does, unless that response has begun.
      if (pending.headersSent) socket.destroy();
      else send();
      return;
    }
    if (pending && !pending.writableFinished) {
      const timer = setTimeout(() => socket.destroy(), PENDING_RESPONSE_WAIT_MS);
      timer.unref();
      pending.once('finish', () => {
        clearTimeout(timer);
        send();
      });
      pending.once('close', () => {
        clearTimeout(timer);
        if (!pending.writableFinished) socket.destroy();
      });
      return;
    }
    send();
  };
}

interface Answer {
  readonly status: number;
  readonly code: GatewayErrorCode;
  readonly message: string;
  readonly reason?: string;
}

function answerFor(code: string): Answer {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: GatewayErrorCode.RequestHeadersTooLarge, message: `request line and headers are larger than ${maxHeaderSize} bytes (a long URL counts): send the query in a POST body` };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: GatewayErrorCode.RequestTimeout, message: 'the request did not arrive in time' };
    default:
      return { status: 400, code: GatewayErrorCode.MalformedRequest, message: `malformed HTTP request (${describe(code)})`, reason: code };
  }
}

/** A short, fixed description per parser code: never the request's bytes. */
function describe(code: string): string {
  if (code === 'HPE_INVALID_CONTENT_LENGTH' || code === 'HPE_UNEXPECTED_CONTENT_LENGTH') return 'invalid or conflicting Content-Length, or Content-Length with Transfer-Encoding';
  if (code === 'HPE_CR_EXPECTED' || code === 'HPE_LF_EXPECTED') return 'lines must end with CRLF';
  if (code === 'HPE_INVALID_METHOD' || code === 'HPE_INVALID_URL' || code === 'HPE_INVALID_VERSION' || code === 'HPE_INVALID_CONSTANT') return 'invalid request line';
  if (code === 'HPE_INVALID_CHUNK_SIZE' || code === 'HPE_INVALID_TRANSFER_ENCODING') return 'invalid chunked body';
  if (code === 'HPE_INVALID_HEADER_TOKEN') return 'invalid header';
  return 'the HTTP parser refused it';
}

function render(answer: Answer): string {
  const body = JSON.stringify({ errors: [{ message: answer.message, extensions: { code: answer.code, ...(answer.reason ? { reason: answer.reason } : {}) } }] });
  return [
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
