import { describe, expect, it, vi } from 'vitest';
import type { BlockingKey } from '../../src/adapters/types.js';
import { UpstreamError } from '../../src/adapters/UpstreamError.js';
import type { IdentityRecord } from '../../src/domain/index.js';
import { createIdentityResolver, defaultIdentityTuning, lookupKeyHash, recordKeys, type IdentitySourceAccess } from '../../src/identity/index.js';
import { identityRecord } from '../support/identityRecord.js';

const record = (source: string, id: string, emails: string[], phones: string[]): IdentityRecord => identityRecord(source, id, { emails, phones });

/** An in-memory source set that counts calls, with an optional failing source. */
function memoryAccess(records: IdentityRecord[], failing: string | null = null) {
  const calls: string[] = [];
  const access: IdentitySourceAccess = {
    searchableSources: ['salesforce', 'shopify', 'zendesk'],
    sourcesFor: (kind) => (['email', 'phone', 'name', 'identifier'].includes(kind) ? ['salesforce', 'shopify', 'zendesk'] : []),
    async search(source: string, key: BlockingKey) {
      calls.push(`search ${source} ${key.kind}`);
      if (source === failing) throw new UpstreamError({ source, kind: 'unavailable', message: 'down' });
      return records.filter((r) => r.ref.source === source && recordKeys(r, 'US').some((k) => k.kind === key.kind && 'value' in key && k.value === key.value));
    },
    async getById(source: string, id: string) {
      calls.push(`get ${source}`);
      return records.find((r) => r.ref.source === source && r.ref.id === id) ?? null;
    },
  };
  return { access, calls };
}

const world = [
  record('salesforce', '003A', ['Jane@Example.com'], ['(415) 555-0100']),
  record('shopify', '11', ['jane@example.com'], []),
  record('zendesk', '21', [], ['+1 415-555-0100']),
  record('salesforce', '003H1', ['smiths@example.net'], ['4155550101']),
  // Another household line: not one keying error away from 003H1's (that would be a typo, CLOSE evidence).
  record('salesforce', '003H2', ['smiths@example.net'], ['4155550177']),
  record('shopify', '12', ['smiths@example.net'], ['+14155550101']),
];

describe('createIdentityResolver: lookup keys', () => {
  it('resolves an email to one cluster spanning all sources', async () => {
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'] });
    const { access } = memoryAccess(world);
    const result = await resolver.resolveKey({ kind: 'email', value: 'jane@example.com' }, access);
    expect(result.value.status).toBe('matched');
    if (result.value.status !== 'matched') return;
    expect(result.value.match.cluster.links.map((l) => `${l.ref.source}/${l.ref.id}`).sort()).toEqual(['salesforce/003A', 'shopify/11', 'zendesk/21']);
    expect(result.value.match.matchedRefs.map((r) => r.source).sort()).toEqual(['salesforce', 'shopify']);
  });

  it('returns candidates, not a merge, for a household email', async () => {
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'] });
    const { access } = memoryAccess(world);
    const result = await resolver.resolveKey({ kind: 'email', value: 'smiths@example.net' }, access);
    expect(result.value.status).toBe('ambiguous');
    if (result.value.status !== 'ambiguous') return;
    expect(result.value.matches).toHaveLength(2);
    const ids = result.value.matches.map((m) => m.cluster.links.map((l) => l.ref.id).sort());
    expect(ids).toContainEqual(['003H1', '12']);
    expect(ids).toContainEqual(['003H2']);
  });

  it('reports unmatched for an unknown key', async () => {
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce'] });
    const result = await resolver.resolveKey({ kind: 'phone', value: '+12125550199' }, memoryAccess(world).access);
    expect(result.value).toEqual({ status: 'unmatched' });
  });

  it('bounds searches by rounds × sources, and a cache hit makes no calls', async () => {
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'], maxHops: 2 });
    const { access, calls } = memoryAccess(world);
    await resolver.resolveKey({ kind: 'email', value: 'jane@example.com' }, access);
    // Round 1: the email; round 2: the phone found on Salesforce. Each round asks all three sources.
    expect(calls.filter((c) => c.startsWith('search'))).toHaveLength(6);
    calls.length = 0;
    const again = await resolver.resolveKey({ kind: 'email', value: 'jane@example.com' }, access);
    expect(again.fromCache).toBe(true);
    expect(calls).toEqual([]);
    // Every member ref resolves from the crosswalk too.
    const byRef = await resolver.resolveRef({ source: 'zendesk', id: '21' }, access);
    expect(byRef.fromCache).toBe(true);
    expect(calls).toEqual([]);
    expect(resolver.stats().hits).toBe(2);
  });

  it('coalesces concurrent misses for one key into one resolution', async () => {
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'] });
    const { access, calls } = memoryAccess(world);
    await Promise.all([1, 2, 3, 4].map(() => resolver.resolveKey({ kind: 'email', value: 'jane@example.com' }, access)));
    expect(calls.filter((c) => c.startsWith('search'))).toHaveLength(6);
  });

  it('keeps going when a source fails, reports it, and caches the result only briefly', async () => {
    let now = 0;
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'], incompleteTtlMs: 50, now: () => now });
    const { access } = memoryAccess(world, 'zendesk');
    const result = await resolver.resolveKey({ kind: 'email', value: 'jane@example.com' }, access);
    expect(result.failures.map((f) => f.source)).toEqual(['zendesk']);
    expect(result.value.status).toBe('matched');
    now = 10;
    await new Promise((r) => setTimeout(r, 80));
    const later = await resolver.resolveKey({ kind: 'email', value: 'jane@example.com' }, memoryAccess(world).access);
    expect(later.fromCache).toBe(false);
    expect(later.failures).toEqual([]);
  });
});

describe('createIdentityResolver: refs', () => {
  it('resolves any member ref to the same customer id', async () => {
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'] });
    const a = await resolver.resolveRef({ source: 'shopify', id: '11' }, memoryAccess(world).access);
    resolver.clear();
    const b = await resolver.resolveRef({ source: 'zendesk', id: '21' }, memoryAccess(world).access);
    expect(a.value?.customerId).toBeDefined();
    expect(a.value?.customerId).toBe(b.value?.customerId);
  });

  it('peekRef answers from a fresh crosswalk entry only, counting nothing and calling no source', async () => {
    let now = 1_000_000;
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'], now: () => now });
    const ref = { source: 'shopify', id: '11' };
    const { access, calls } = memoryAccess(world);
    expect(resolver.peekRef(ref)).toBeUndefined();
    const resolved = await resolver.resolveRef(ref, access);
    const before = { stats: resolver.stats(), calls: calls.length };
    expect(resolver.peekRef(ref)).toBe(resolved.value);
    expect(resolver.stats()).toEqual(before.stats);
    expect(calls.length).toBe(before.calls);
    now += 10 * 60_000; // past the 5-minute freshness
    expect(resolver.peekRef(ref)).toBeUndefined();
  });

  it('returns null for a record that does not exist', async () => {
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce'] });
    const result = await resolver.resolveRef({ source: 'salesforce', id: '003NOPE' }, memoryAccess(world).access);
    expect(result.value).toBeNull();
  });
});

describe('createIdentityResolver: stale window', () => {
  it('serves a stale entry at once, refreshes it in the background once, then serves it fresh', async () => {
    let clock = 1_000_000;
    const resolver = createIdentityResolver({
      sourcePriority: ['salesforce', 'shopify', 'zendesk'],
      cacheTtlMs: 1_000,
      tuning: { ...defaultIdentityTuning(), cacheStaleMs: 60_000, statsLogIntervalMs: 0 },
      now: () => clock,
    });
    const { access, calls } = memoryAccess(world);
    const key = { kind: 'email', value: 'jane@example.com' } as const;
    await resolver.resolveKey(key, access);
    const coldCalls = calls.length;
    expect(coldCalls).toBeGreaterThan(0);

    clock += 5_000; // past the 1 s freshness, inside the 60 s stale window
    const stale = await Promise.all([resolver.resolveKey(key, access), resolver.resolveKey(key, access)]);
    expect(stale.every((r) => r.fromCache && r.value.status === 'matched')).toBe(true);
    expect(resolver.stats().staleHits).toBe(1);
    await vi.waitFor(() => expect(calls.length).toBe(coldCalls * 2));

    const callsAfterRefresh = calls.length;
    const fresh = await resolver.resolveKey(key, access);
    expect(fresh.fromCache).toBe(true);
    expect(calls.length).toBe(callsAfterRefresh);
    expect(resolver.stats().staleHits).toBe(1);
  });
});

describe('createIdentityResolver: a tiny crosswalk', () => {
  it('answers concurrent lookups even when resolving evicts the entry being fetched', async () => {
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'], cacheMax: 1 });
    const { access } = memoryAccess(world);
    const results = await Promise.all([
      resolver.resolveKey({ kind: 'email', value: 'jane@example.com' }, access),
      resolver.resolveRef({ source: 'zendesk', id: '21' }, access),
      resolver.resolveKey({ kind: 'email', value: 'smiths@example.net' }, access),
      resolver.resolveRef({ source: 'shopify', id: '12' }, access),
    ]);
    expect(results[0]!.value.status).toBe('matched');
    expect(results[1]!.value?.links.map((l) => l.ref.id).sort()).toEqual(['003A', '11', '21']);
    expect(results[2]!.value.status).toBe('ambiguous');
    expect(results[3]!.value?.links.map((l) => l.ref.id)).toContain('12');
    expect(resolver.stats().size).toBeLessThanOrEqual(1);
  });
});

describe('createIdentityResolver: invalidate with lookup keys (change webhooks)', () => {
  it('drops a key\'s entry and every entry of the clusters it resolved to, and nothing unrelated', async () => {
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'] });
    const records = [...world, record('shopify', '99', ['someone@example.org'], [])];
    const { access } = memoryAccess(records);
    await resolver.resolveKey({ kind: 'email', value: 'jane@example.com' }, access);
    await resolver.resolveRef({ source: 'zendesk', id: '21' }, access);
    await resolver.resolveKey({ kind: 'email', value: 'nobody@example.org' }, access);
    await resolver.resolveRef({ source: 'shopify', id: '99' }, access);
    // Refs first: re-resolving a key caches its cluster's member refs again.
    const cachedBefore = async () => [
      (await resolver.resolveRef({ source: 'zendesk', id: '21' }, access)).fromCache,
      (await resolver.resolveRef({ source: 'shopify', id: '99' }, access)).fromCache,
      (await resolver.resolveKey({ kind: 'email', value: 'jane@example.com' }, access)).fromCache,
      (await resolver.resolveKey({ kind: 'email', value: 'nobody@example.org' }, access)).fromCache,
    ];
    expect(await cachedBefore()).toEqual([true, true, true, true]);
    // shopify/99 took jane@example.com and nobody@example.org: both keys' entries go, and Jane's whole cluster
    // (zendesk/21 included) because shopify/99 may now belong to it; shopify/99's own entry goes by its ref.
    resolver.invalidate([{ source: 'shopify', id: '99' }], ['email:jane@example.com', 'email:nobody@example.org']);
    expect(await cachedBefore()).toEqual([false, false, false, false]);
    // An unrelated cluster keeps its entries.
    await resolver.resolveKey({ kind: 'email', value: 'smiths@example.net' }, access);
    resolver.invalidate([{ source: 'shopify', id: '99' }], ['email:jane@example.com']);
    expect((await resolver.resolveKey({ kind: 'email', value: 'smiths@example.net' }, access)).fromCache).toBe(true);
  });

  it('drops the same entries for the keys\' hashes (a change from another replica), and nothing for unknown hashes', async () => {
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'] });
    const { access } = memoryAccess([...world, record('shopify', '99', ['someone@example.org'], [])]);
    await resolver.resolveKey({ kind: 'email', value: 'jane@example.com' }, access);
    await resolver.resolveRef({ source: 'zendesk', id: '21' }, access);
    await resolver.resolveKey({ kind: 'email', value: 'smiths@example.net' }, access);
    expect(resolver.invalidate([], [], [lookupKeyHash('email:nobody@example.org')])).toBe(0);
    expect((await resolver.resolveRef({ source: 'zendesk', id: '21' }, access)).fromCache).toBe(true);
    // No refs at all: the hash alone finds Jane's key entry, and through it her cluster (zendesk/21 included).
    expect(resolver.invalidate([], [], [lookupKeyHash('email:jane@example.com')])).toBeGreaterThan(1);
    expect((await resolver.resolveRef({ source: 'zendesk', id: '21' }, access)).fromCache).toBe(false);
    expect((await resolver.resolveKey({ kind: 'email', value: 'jane@example.com' }, access)).fromCache).toBe(false);
    expect((await resolver.resolveKey({ kind: 'email', value: 'smiths@example.net' }, access)).fromCache).toBe(true);
  });
});
