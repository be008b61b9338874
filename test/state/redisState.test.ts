import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import type { Change } from '../../src/state/ChangeFeed.js';
import { createRedisChangeFeed } from '../../src/state/createRedisChangeFeed.js';
import { createRedisConnection, type RedisConnection } from '../../src/state/createRedisConnection.js';
import { createRedisCrosswalk } from '../../src/state/createRedisCrosswalk.js';
import { createRedisKeyValueCache } from '../../src/state/createRedisKeyValueCache.js';
import { createRedisOverrideStore } from '../../src/state/createRedisOverrideStore.js';
import { createRedisVendorBudget } from '../../src/state/VendorBudget.js';
import { stateConfigSchema } from '../../src/state/stateConfigSchema.js';
import { lookupKeyHash, type Cluster } from '../../src/identity/index.js';
import { createReplayGuard } from '../../src/webhooks/index.js';
import { createRedisReplayGuard } from '../../src/state/createRedisReplayGuard.js';

// Needs a Redis: runs when REDIS_URL is set (.ci/run sets it to the machine's 127.0.0.1:6379). Every key is
// under a random prefix and deleted afterwards, so runs never see each other.
const REDIS_URL = process.env.REDIS_URL;
const logger = createLogger('silent');

const cluster = (ids: string[]): Cluster => ({
  customerId: `cus_${ids[0]}`,
  anchor: { source: 'salesforce', id: ids[0]! },
  links: ids.map((id, i) => ({ ref: { source: i === 0 ? 'salesforce' : 'shopify', id }, rule: i === 0 ? 'SEED' : 'EXACT_EMAIL', confidence: 1, linkedTo: i === 0 ? null : { source: 'salesforce', id: ids[0]! }, matchedOn: [] })),
  resolvedAt: 1,
});

describe.skipIf(!REDIS_URL)('state: Redis parts against a real Redis', () => {
  const prefix = `c360test:${randomBytes(4).toString('hex')}:`;
  const config = stateConfigSchema.parse({ redis: { url: REDIS_URL ?? 'redis://127.0.0.1:6379', keyPrefix: prefix, commandTimeoutMs: 1_000 } }).redis!;
  let a: RedisConnection;
  let b: RedisConnection;

  beforeAll(async () => {
    a = createRedisConnection(config, logger);
    b = createRedisConnection(config, logger);
    expect(await a.connect()).toBe(true);
    expect(await b.connect()).toBe(true);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    const cleaner = createClient({ url: config.url });
    await cleaner.connect();
    for await (const keys of cleaner.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length > 0) await cleaner.del(keys);
    cleaner.destroy();
  });

  it('delivers a change published on one replica to the other within a second, and not back to its publisher twice', async () => {
    const feedA = createRedisChangeFeed(a, logger);
    const feedB = createRedisChangeFeed(b, logger);
    await Promise.all([feedA.start(), feedB.start()]);
    const seenA: Change[] = [];
    const seenB: Change[] = [];
    feedA.subscribe((c) => seenA.push(c));
    const arrived = new Promise<number>((resolve) => feedB.subscribe((c) => (seenB.push(c), resolve(Date.now()))));
    const sent = Date.now();
    const change: Change = { reason: 'webhook', refs: [{ source: 'shopify', id: '42' }, { source: 'zendesk', id: 'a/b' }], purgeRecords: true };
    await feedA.publish(change);
    expect((await arrived) - sent).toBeLessThan(1_000);
    expect(seenB).toEqual([change]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seenA).toEqual([change]);
  });

  it('sends a change\'s lookup keys as their hashes: no email or phone on the channel, the same hashes arrive', async () => {
    const feedA = createRedisChangeFeed(a, logger);
    const feedB = createRedisChangeFeed(b, logger);
    await Promise.all([feedA.start(), feedB.start()]);
    const wire: string[] = [];
    const raw = createClient({ url: config.url });
    await raw.connect();
    await raw.subscribe(`${prefix}changes`, (message) => void wire.push(message));
    const seenA: Change[] = [];
    feedA.subscribe((c) => seenA.push(c));
    const arrived = new Promise<Change>((resolve) => feedB.subscribe(resolve));
    const change: Change = { reason: 'webhook', refs: [{ source: 'shopify', id: '7' }], purgeRecords: true, keys: ['email:jane.moved@example.net', 'phone:+15551234567'] };
    await feedA.publish(change);
    const received = await arrived;
    // The publisher's own listeners get the keys in clear (same process); the other replica gets hashes only.
    expect(seenA).toEqual([change]);
    expect(received).toEqual({ reason: 'webhook', refs: [{ source: 'shopify', id: '7' }], purgeRecords: true, keyHashes: [lookupKeyHash('email:jane.moved@example.net'), lookupKeyHash('phone:+15551234567')] });
    expect(received.keys).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(wire).toHaveLength(1);
    expect(wire[0]).not.toMatch(/jane|example\.net|5551234567/);
    // A message whose key hashes are not hashes is dropped, not delivered.
    const before = seenA.length;
    await raw.unsubscribe();
    const pub = createClient({ url: config.url });
    await pub.connect();
    await pub.publish(`${prefix}changes`, JSON.stringify({ v: 1, origin: 'x', change: { reason: 'webhook', refs: [], keyHashes: ['email:jane@example.com'] } }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seenA).toHaveLength(before);
    pub.destroy();
    raw.destroy();
  });

  it('keeps overrides in one Redis list: appends from two replicas are all kept in order, with who and when', async () => {
    const storeA = createRedisOverrideStore(a);
    const storeB = createRedisOverrideStore(b);
    const change = (n: number, actor: string) => ({ id: `ovr_${n}`, kind: 'link' as const, refs: ['salesforce/1', `shopify/${n}`], reason: `r${n}`, actor, at: new Date(n * 1000).toISOString() });
    await Promise.all([storeA.append(change(1, 'apikey:a')), storeB.append(change(2, 'apikey:b'))]);
    await storeA.append(change(3, 'apikey:a'));
    const loaded = await storeB.load();
    expect(loaded.map((c) => c.id).sort()).toEqual(['ovr_1', 'ovr_2', 'ovr_3']);
    expect(loaded.at(-1)).toEqual(change(3, 'apikey:a'));
    expect(storeA.description).toBe(`redis:${prefix}overrides`);
  });

  it('shares APQ registrations and honours their ttl', async () => {
    const cacheA = createRedisKeyValueCache(a);
    const cacheB = createRedisKeyValueCache(b);
    await cacheA.set('apq:abc', '{ sources { name } }', { ttl: 300 });
    expect(await cacheB.get('apq:abc')).toBe('{ sources { name } }');
    await cacheA.set('apq:short', 'x', { ttl: 0.05 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await cacheB.get('apq:short')).toBeUndefined();
    expect(await cacheB.delete('apq:abc')).toBe(true);
    expect(await cacheA.get('apq:abc')).toBeUndefined();
  });

  it('shares crosswalk entries, drops every entry that mentions an invalidated ref, and lets one replica hold a key', async () => {
    const xwA = createRedisCrosswalk(a, { lockMs: 2_000, lockWaitMs: 500 }, logger);
    const xwB = createRedisCrosswalk(b, { lockMs: 2_000, lockWaitMs: 500 }, logger);
    const jane = cluster(['003A', '9001']);
    const other = cluster(['003B', '9002']);
    await xwA.set(
      [
        { cacheKey: 'key:email:jane@example.com', entry: { resolution: { status: 'matched', match: { cluster: jane, matchedRefs: [jane.anchor] } }, freshUntil: 5 } },
        { cacheKey: 'ref:shopify/9001', entry: { cluster: jane, freshUntil: 5 } },
        { cacheKey: 'ref:salesforce/003B', entry: { cluster: other, freshUntil: 5 } },
        { cacheKey: 'ref:salesforce/missing', entry: { cluster: null, freshUntil: 5 } },
      ],
      60_000,
    );
    expect(await xwB.get('key:email:jane@example.com')).toEqual({ resolution: { status: 'matched', match: { cluster: jane, matchedRefs: [jane.anchor] } }, freshUntil: 5 });
    expect(await xwB.get('ref:salesforce/missing')).toEqual({ cluster: null, freshUntil: 5 });
    await xwB.invalidate(['shopify/9001', 'salesforce/missing']);
    expect(await xwA.get('key:email:jane@example.com')).toBeUndefined();
    expect(await xwA.get('ref:shopify/9001')).toBeUndefined();
    expect(await xwA.get('ref:salesforce/missing')).toBeUndefined();
    expect(await xwA.get('ref:salesforce/003B')).toEqual({ cluster: other, freshUntil: 5 });
    // No PII in key names: lookup keys are hashed.
    const probe = createClient({ url: config.url });
    await probe.connect();
    const keys: string[] = [];
    for await (const batch of probe.scanIterator({ MATCH: `${prefix}xw:*`, COUNT: 500 })) keys.push(...batch);
    probe.destroy();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.includes('@'))).toBe(false);

    // By lookup-key hash: the key's entry goes (even an unmatched one, indexed under no ref) and every entry of
    // the cluster it resolved to; an unrelated entry stays.
    const moved = cluster(['003C', '9003']);
    await xwA.set(
      [
        { cacheKey: 'key:email:moved@example.net', entry: { resolution: { status: 'matched', match: { cluster: moved, matchedRefs: [moved.anchor] } }, freshUntil: 5 } },
        { cacheKey: 'ref:shopify/9003', entry: { cluster: moved, freshUntil: 5 } },
        { cacheKey: 'key:email:nobody@example.net', entry: { resolution: { status: 'unmatched' }, freshUntil: 5 } },
      ],
      60_000,
    );
    await xwB.invalidate([], [lookupKeyHash('email:moved@example.net'), lookupKeyHash('email:nobody@example.net'), lookupKeyHash('email:never@example.net')]);
    expect(await xwA.get('key:email:moved@example.net')).toBeUndefined();
    expect(await xwA.get('ref:shopify/9003')).toBeUndefined();
    expect(await xwA.get('key:email:nobody@example.net')).toBeUndefined();
    expect(await xwA.get('ref:salesforce/003B')).toEqual({ cluster: other, freshUntil: 5 });

    expect(await xwA.lock('key:email:x@example.com')).toBe('acquired');
    expect(await xwB.lock('key:email:x@example.com')).toBe('held');
    await xwB.unlock('key:email:x@example.com');
    expect(await xwB.lock('key:email:x@example.com')).toBe('held');
    await xwA.unlock('key:email:x@example.com');
    expect(await xwB.lock('key:email:x@example.com')).toBe('acquired');
  });

  it('keeps two replicas together inside one vendor bucket', async () => {
    const budgetA = createRedisVendorBudget(a, logger);
    const budgetB = createRedisVendorBudget(b, logger);
    const limit = { capacity: 50, refillPerSecond: 1 };
    const source = `shopify-${randomBytes(2).toString('hex')}`;
    const takes = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? budgetA : budgetB).take(source, 5, limit)));
    // 50 units hold 10 takes of 5 (plus at most one more from refill while the takes ran).
    const granted = takes.filter((w) => w === 0).length;
    expect(granted).toBeGreaterThanOrEqual(10);
    expect(granted).toBeLessThanOrEqual(11);
    expect(Math.max(...takes)).toBeGreaterThan(0);
    await budgetA.adjust(source, -20, limit);
    expect(await budgetB.take(source, 15, limit)).toBe(0);
    await budgetB.cap(source, 0, limit);
    expect(await budgetA.take(source, 1, limit)).toBeGreaterThan(0);
  });

  it('shares the webhooks\' replay guard: a delivery claimed on one replica is refused on the other until released', async () => {
    const local = () => createReplayGuard({ max: 100, ttlMs: 60_000 });
    const guardA = createRedisReplayGuard(a, local(), 60_000, logger);
    const guardB = createRedisReplayGuard(b, local(), 60_000, logger);
    const id = `delivery-${randomBytes(4).toString('hex')}`;
    expect(await guardA.claim(id)).toBe(true);
    expect(await guardB.claim(id)).toBe(false);
    expect(await guardA.claim(id)).toBe(false);
    expect(await guardB.claim(`${id}-other`)).toBe(true);
    guardA.release(id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await guardB.claim(id)).toBe(true);
    // Ids never appear in key names (a Salesforce delivery id may be a signature).
    const probe = createClient({ url: config.url });
    await probe.connect();
    const keys: string[] = [];
    for await (const batch of probe.scanIterator({ MATCH: `${prefix}wh:*`, COUNT: 500 })) keys.push(...batch);
    const ttl = await probe.pTTL(keys[0]!);
    probe.destroy();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.includes('delivery'))).toBe(false);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});

describe('state: the webhooks\' replay guard without Redis', () => {
  it('falls back to this replica\'s own memory while Redis is unreachable', async () => {
    // Port 1 on loopback: nothing listens, so every command is refused at once.
    const config = stateConfigSchema.parse({ redis: { url: 'redis://127.0.0.1:1', keyPrefix: 'c360test:none:', connectTimeoutMs: 200 } }).redis!;
    const connection = createRedisConnection(config, logger);
    expect(await connection.connect()).toBe(false);
    try {
      const guard = createRedisReplayGuard(connection, createReplayGuard({ max: 100, ttlMs: 60_000 }), 60_000, logger);
      expect(await guard.claim('d1')).toBe(true);
      expect(await guard.claim('d1')).toBe(false);
      guard.release('d1');
      expect(await guard.claim('d1')).toBe(true);
    } finally {
      await connection.close();
    }
  });
});
