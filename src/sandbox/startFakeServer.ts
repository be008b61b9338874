import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type {
  FakeRequest,
  FakeResponse,
  FakeServer,
  FakeVendorProfile,
  FaultRule,
  FaultSpec,
  RequestLogEntry,
} from './fakeTypes.js';
import { parseFaultRule } from './parseFaultRule.js';

/** Options of {@link startFakeServer}. */
export interface StartFakeServerOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  readonly port?: number;
  /** Host to bind; default `127.0.0.1` (the sandbox never listens beyond loopback by default). */
  readonly host?: string;
  /** Seed for jitter and probabilistic faults. Default 1. */
  readonly seed?: number;
  /** Max request log entries kept (oldest dropped). Default 10 000. */
  readonly maxLogEntries?: number;
}

interface ActiveRule {
  readonly id: string;
  readonly rule: FaultRule;
  readonly pathPattern: RegExp | null;
  readonly queryPattern: RegExp | null;
  readonly bodyPattern: RegExp | null;
  matched: number;
  applied: number;
}

const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/**
 * Starts one simulated vendor server: routes from `profile`, the vendor's auth check, a request log and a
 * fault-injection control plane under `/__fake/` (outside any vendor namespace):
 * `GET|DELETE /__fake/requests`, `GET|POST|DELETE /__fake/faults`, `POST /__fake/reset`.
 */
export async function startFakeServer(profile: FakeVendorProfile, options: StartFakeServerOptions = {}): Promise<FakeServer> {
  const rules: ActiveRule[] = [];
  const log: RequestLogEntry[] = [];
  const maxLog = options.maxLogEntries ?? 10_000;
  let seq = 0;
  let ruleSeq = 0;
  const random = mulberry32(options.seed ?? 1);
  let origin = '';

  function addFault(input: FaultRule): string {
    const rule = parseFaultRule(input);
    const id = `f${++ruleSeq}`;
    const pattern = (source: string | undefined): RegExp | null => (source ? new RegExp(source) : null);
    rules.push({ id, rule, pathPattern: pattern(rule.match?.path), queryPattern: pattern(rule.match?.query), bodyPattern: pattern(rule.match?.body), matched: 0, applied: 0 });
    return id;
  }

  function pickRule(req: FakeRequest, routeName: string | null): ActiveRule | null {
    for (const active of rules) {
      const m = active.rule.match;
      if (m?.method && m.method.toUpperCase() !== req.method) continue;
      if (m?.route && m.route !== routeName) continue;
      if (active.pathPattern && !active.pathPattern.test(req.path)) continue;
      if (active.queryPattern && !active.queryPattern.test(req.query.toString())) continue;
      if (active.bodyPattern && !active.bodyPattern.test(req.body)) continue;
      active.matched += 1;
      if (active.matched <= (active.rule.afterNthMatch ?? 0)) continue;
      if (active.rule.times !== undefined && active.applied >= active.rule.times) continue;
      if (active.rule.probability !== undefined && random() >= active.rule.probability) continue;
      active.applied += 1;
      return active;
    }
    return null;
  }

  const server = http.createServer((nodeReq, nodeRes) => {
    void handle(nodeReq, nodeRes).catch((error: unknown) => {
      if (!nodeRes.headersSent) send(nodeRes, { status: 500, body: { fakeServerError: String(error) } });
      else nodeRes.destroy();
    });
  });

  async function handle(nodeReq: http.IncomingMessage, nodeRes: http.ServerResponse): Promise<void> {
    const receivedAt = performance.timeOrigin + performance.now();
    const body = await readBody(nodeReq);
    const url = new URL(nodeReq.url ?? '/', origin);
    const req: FakeRequest = { method: (nodeReq.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, headers: nodeReq.headers, body, origin };
    if (req.path.startsWith('/__fake/')) {
      send(nodeRes, control(req));
      return;
    }
    let route: (typeof profile.routes)[number] | null = null;
    let match: RegExpExecArray | null = null;
    for (const candidate of profile.routes) {
      if (candidate.method !== req.method) continue;
      match = candidate.pattern.exec(req.path);
      if (match) {
        route = candidate;
        break;
      }
    }
    const entry: { -readonly [K in keyof RequestLogEntry]: RequestLogEntry[K] } = {
      seq: ++seq,
      method: req.method,
      path: req.path,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(nodeReq.headers).map(([k, v]) => [k, redactHeader(k, Array.isArray(v) ? v.join(', ') : (v ?? ''))])),
      body,
      route: route?.name ?? null,
      receivedAt,
      finishedAt: null,
      status: null,
      injectedDelayMs: 0,
      fault: null,
    };
    log.push(entry);
    if (log.length > maxLog) log.splice(0, log.length - maxLog);
    const finish = (status: number | null): void => {
      entry.status = status;
      entry.finishedAt = performance.timeOrigin + performance.now();
    };

    const active = pickRule(req, route?.name ?? null);
    if (active) {
      const delay = (active.rule.delayMs ?? 0) + (active.rule.jitterMs ?? 0) * random();
      if (delay > 0) {
        const slept = performance.now();
        await sleep(delay);
        entry.injectedDelayMs = performance.now() - slept;
      }
    }
    const fault = active?.rule.fault;
    if (fault) {
      entry.fault = fault.kind;
      const handled = await applyFault(fault, req, nodeReq, nodeRes, route ? () => route.handler(req, match as RegExpExecArray) : null, finish);
      if (handled) return;
    }
    const auth = profile.authorize(req);
    let response: FakeResponse;
    if (auth) response = auth;
    else if (!route || !match) response = profile.notFound(req);
    else response = await route.handler(req, match);
    const headers = { ...profile.commonHeaders?.(req), ...response.headers };
    send(nodeRes, { ...response, headers });
    finish(response.status);
  }

  async function applyFault(
    fault: FaultSpec,
    req: FakeRequest,
    nodeReq: http.IncomingMessage,
    nodeRes: http.ServerResponse,
    realAnswer: (() => FakeResponse | Promise<FakeResponse>) | null,
    finish: (status: number | null) => void,
  ): Promise<boolean> {
    switch (fault.kind) {
      case 'preset': {
        const answer =
          fault.preset === 'throttle'
            ? profile.presets.throttle(fault.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: fault.retryAfterSeconds })
            : fault.preset === 'serverError'
              ? profile.presets.serverError()
              : profile.presets.unavailable();
        send(nodeRes, answer);
        finish(answer.status);
        return true;
      }
      case 'status': {
        send(nodeRes, { status: fault.status, body: fault.body ?? '', headers: fault.headers ?? {} });
        finish(fault.status);
        return true;
      }
      case 'html': {
        const status = fault.status ?? 502;
        send(nodeRes, {
          status,
          body: `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`,
          headers: { 'content-type': 'text/html' },
        });
        finish(status);
        return true;
      }
      case 'malformedJson': {
        const real = realAnswer ? await realAnswer() : { status: 200, body: { ok: true } };
        const text = JSON.stringify(real.body);
        send(nodeRes, { status: 200, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))), headers: { 'content-type': 'application/json' } });
        finish(200);
        return true;
      }
      case 'empty': {
        send(nodeRes, { status: 200, body: '', headers: { 'content-type': 'application/json' } });
        finish(200);
        return true;
      }
      case 'hang': {
        // Never answer; the connection stays open until the client gives up or the server closes.
        nodeReq.socket.once('close', () => finish(null));
        return true;
      }
      case 'reset': {
        nodeReq.socket.destroy();
        finish(null);
        return true;
      }
      case 'trickle': {
        const real = realAnswer ? await realAnswer() : { status: 200, body: { ok: true } };
        const text = typeof real.body === 'string' ? real.body : JSON.stringify(real.body);
        const bytes = Buffer.from(text);
        nodeRes.writeHead(real.status, { 'content-type': 'application/json', 'content-length': String(bytes.length) });
        const perSecond = Math.max(1, fault.bytesPerSecond ?? 2);
        let offset = 0;
        const timer = setInterval(() => {
          if (nodeRes.destroyed || offset >= bytes.length) {
            clearInterval(timer);
            if (!nodeRes.destroyed) nodeRes.end();
            finish(real.status);
            return;
          }
          nodeRes.write(bytes.subarray(offset, offset + perSecond));
          offset += perSecond;
        }, 1000);
        nodeRes.once('close', () => clearInterval(timer));
        return true;
      }
      default: {
        const unreachable: never = fault;
        throw new Error(`unknown fault ${JSON.stringify(unreachable)}`);
      }
    }
  }

  function control(req: FakeRequest): FakeResponse {
    const what = `${req.method} ${req.path}`;
    switch (what) {
      case 'GET /__fake/requests':
        return { status: 200, body: { requests: log } };
      case 'DELETE /__fake/requests':
        log.length = 0;
        return { status: 204, body: '' };
      case 'GET /__fake/faults':
        return { status: 200, body: { faults: rules.map((r) => ({ id: r.id, ...r.rule, matched: r.matched, applied: r.applied })) } };
      case 'POST /__fake/faults': {
        try {
          const id = addFault(JSON.parse(req.body || 'null') as FaultRule);
          return { status: 201, body: { id } };
        } catch (error) {
          return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
        }
      }
      case 'DELETE /__fake/faults':
        rules.length = 0;
        return { status: 204, body: '' };
      case 'POST /__fake/reset':
        rules.length = 0;
        log.length = 0;
        return { status: 204, body: '' };
      default:
        return { status: 404, body: { error: `unknown control endpoint ${what}` } };
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;
  server.keepAliveTimeout = 30_000;

  return {
    name: profile.name,
    origin,
    port: address.port,
    requests: () => log.map((e) => ({ ...e })),
    requestCount: () => seq,
    clearRequests: () => {
      log.length = 0;
    },
    addFault,
    clearFaults: () => {
      rules.length = 0;
    },
    reset: () => {
      rules.length = 0;
      log.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: http.ServerResponse, answer: FakeResponse): void {
  if (res.destroyed) return;
  const isText = typeof answer.body === 'string';
  const text = isText ? (answer.body as string) : JSON.stringify(answer.body);
  const headers: Record<string, string> = { ...answer.headers };
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(answer.status, headers);
  res.end(answer.status === 204 ? undefined : text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Headers that carry credentials: the request log keeps that they were sent (and the scheme), never the secret. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-shopify-access-token', 'x-api-key', 'cookie']);

/** `Bearer abc` → `Bearer [redacted]`; any other credential header → `[redacted]`. */
export function redactHeader(name: string, value: string): string {
  if (!SECRET_HEADERS.has(name.toLowerCase()) || value === '') return value;
  const scheme = /^(Bearer|Basic|Digest|Token|OAuth)\s+/i.exec(value);
  return scheme ? `${scheme[1]} [redacted]` : '[redacted]';
}

/** Small seeded PRNG (mulberry32) so jitter and probabilistic faults repeat for a seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
