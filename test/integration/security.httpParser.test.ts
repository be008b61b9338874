import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

let t: TestGateway;
let port: number;

beforeAll(async () => {
  t = await startTestGateway({ size: 20, seed: 3 });
  port = Number(new URL(t.url).port);
});

afterAll(async () => {
  await t.close();
});

/** One HTTP response parsed off the wire. */
interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Writes `raw` to a fresh loopback connection, half-closes, and reads until the server closes (at most 5 s). */
function sendRaw(raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5_000, () => socket.destroy(new Error('no close within 5 s')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.end(raw);
  });
}

/** Every response in a byte stream (several when a lying Content-Length makes the rest a second request). */
function parseResponses(text: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = text;
  while (rest.length > 0) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd === -1) throw new Error(`not an HTTP response: ${JSON.stringify(rest.slice(0, 120))}`);
    const [statusLine, ...lines] = rest.slice(0, headEnd).split('\r\n');
    const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    const length = Number(headers['content-length'] ?? 0);
    const bodyStart = headEnd + 4;
    responses.push({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1]), headers, body: rest.slice(bodyStart, bodyStart + length) });
    rest = rest.slice(bodyStart + length);
  }
  return responses;
}

describe('security: requests Node\'s HTTP parser refuses', () => {
  it.each<[string, string, number, string]>([
    ['a 70 KB URL', `GET /graphql?query=${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431, 'REQUEST_HEADERS_TOO_LARGE'],
    ['a 20 KB header', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'REQUEST_HEADERS_TOO_LARGE'],
    ['a Content-Length that is not a number', 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}', 400, 'MALFORMED_REQUEST'],
    ['a negative Content-Length', 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}', 400, 'MALFORMED_REQUEST'],
    ['two different Content-Lengths', 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}', 400, 'MALFORMED_REQUEST'],
    ['Transfer-Encoding with Content-Length', 'POST /graphql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n', 400, 'MALFORMED_REQUEST'],
    ['bare LF line ends', 'GET /healthz HTTP/1.1\nHost: x\n\n', 400, 'MALFORMED_REQUEST'],
    ['a bare LF inside the headers', 'GET /healthz HTTP/1.1\r\nHost: x\nX-A: b\r\n\r\n', 400, 'MALFORMED_REQUEST'],
    ['a garbage request line', 'HELLO THERE\r\n\r\n', 400, 'MALFORMED_REQUEST'],
    ['control bytes as the method', '\x00\x01\x02 / HTTP/1.1\r\n\r\n', 400, 'MALFORMED_REQUEST'],
    ['an unknown HTTP version', 'GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n', 400, 'MALFORMED_REQUEST'],
    ['a bad chunk size', 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n', 400, 'MALFORMED_REQUEST'],
  ])('answers %s with its status, a JSON body and a stable code, and closes', async (_name, raw, status, code) => {
    const [response, ...more] = parseResponses(await sendRaw(raw));
    expect(more).toEqual([]);
    expect(response!.status).toBe(status);
    expect(response!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response!.headers.connection).toBe('close');
    const body = JSON.parse(response!.body) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.extensions.code).toBe(code);
    expect(body.errors[0]!.message).not.toMatch(/\bat .+\.(js|ts):\d+/);
  });

  it('answers a lying (short) Content-Length: the request it delimits, then the leftover bytes, each with JSON and a code', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const responses = parseResponses(await sendRaw(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: ${t.authHeaders.authorization!}\r\nContent-Length: 5\r\n\r\n${body}`));
    expect(responses.map((r) => r.status)).toEqual([400, 400]);
    expect(responses.map((r) => (JSON.parse(r.body) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code)).toEqual(['BAD_REQUEST', 'MALFORMED_REQUEST']);
  });

  it('stays up and answers well-formed requests afterwards', async () => {
    const res = await t.gql('{ sources { name } }');
    expect(res.status).toBe(200);
    expect(t.logs.filter((l) => l.includes('unexpected error') || l.includes('unhandled error'))).toEqual([]);
  });
});
