import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Gauge, Histogram, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { minorGcBetween, scrapeMinorGc } from '../../bench/scrapeGc.js';

/** A loopback server answering GET /metrics with `registry`'s exposition text, as the gateway does. */
async function serve(registry: Registry): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    void registry.metrics().then((text) => res.writeHead(req.url === '/metrics' ? 200 : 404, { 'content-type': registry.contentType }).end(text));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('bench: minor GCs from the gateway /metrics', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('reads the minor-GC count and pause time and gives the count and mean pause between two scrapes', async () => {
    const registry = new Registry();
    // prom-client's default GC metric, under the gateway's prefix (createMetrics: c360_process_).
    const gc = new Histogram({ name: 'c360_process_nodejs_gc_duration_seconds', help: 'gc', labelNames: ['kind'], buckets: [0.001, 0.01, 0.1], registers: [registry] });
    gc.observe({ kind: 'major' }, 0.5);
    gc.observe({ kind: 'minor' }, 0.002);
    const server = await serve(registry);
    closers.push(server.close);
    const before = await scrapeMinorGc(server.url);
    expect(before.count).toBe(1);
    expect(before.seconds).toBeCloseTo(0.002, 9);
    gc.observe({ kind: 'minor' }, 0.004);
    gc.observe({ kind: 'minor' }, 0.006);
    gc.observe({ kind: 'major' }, 1);
    const between = minorGcBetween(before, await scrapeMinorGc(server.url));
    expect(between.count).toBe(2);
    expect(between.meanMs).toBeCloseTo(5, 6);
    // A gateway without idle-time collection has no c360_idle_scavenges: none of its collections were idle.
    expect(between.idle).toBe(0);
  });

  it('reads how many of the minor GCs the gateway ran while it waited for sources', async () => {
    const registry = new Registry();
    const gc = new Histogram({ name: 'c360_process_nodejs_gc_duration_seconds', help: 'gc', labelNames: ['kind'], buckets: [0.001, 0.01, 0.1], registers: [registry] });
    let idle = 4;
    new Gauge({
      name: 'c360_idle_scavenges',
      help: 'idle',
      registers: [registry],
      collect() {
        this.set(idle);
      },
    });
    gc.observe({ kind: 'minor' }, 0.002);
    const server = await serve(registry);
    closers.push(server.close);
    const before = await scrapeMinorGc(server.url);
    expect(before.idle).toBe(4);
    gc.observe({ kind: 'minor' }, 0.002);
    gc.observe({ kind: 'minor' }, 0.002);
    idle = 5;
    expect(minorGcBetween(before, await scrapeMinorGc(server.url))).toMatchObject({ count: 2, idle: 1 });
  });

  it('says no minor GC rather than dividing by zero', () => {
    expect(minorGcBetween({ count: 3, seconds: 0.1, idle: 1 }, { count: 3, seconds: 0.1, idle: 1 })).toEqual({ count: 0, meanMs: 0, idle: 0 });
  });

  it('fails when the series is missing instead of reporting zeros', async () => {
    const server = await serve(new Registry());
    closers.push(server.close);
    await expect(scrapeMinorGc(server.url)).rejects.toThrow(/no c360_process_nodejs_gc_duration_seconds_count\{kind="minor"\}/);
  });
});
