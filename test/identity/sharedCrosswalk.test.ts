import { describe, expect, it } from 'vitest';
import type { BlockingKey } from '../../src/adapters/types.js';
import type { IdentityRecord } from '../../src/domain/index.js';
import { createIdentityResolver, recordKeys, type IdentitySourceAccess, type SharedCrosswalk, type SharedCrosswalkEntry, type SharedLock } from '../../src/identity/index.js';
import { decodeCrosswalkEntry, encodeCrosswalkEntry, refsOfEntry } from '../../src/state/crosswalkCodec.js';
import { identityRecord } from '../support/identityRecord.js';

const world: IdentityRecord[] = [
  identityRecord('salesforce', '003A', { emails: ['Jane@Example.com'], phones: ['(415) 555-0100'] }),
  identityRecord('shopify', '11', { emails: ['jane@example.com'], phones: [] }),
  identityRecord('zendesk', '21', { emails: [], phones: ['+1 415-555-0100'] }),
];

function memoryAccess() {
  const calls: string[] = [];
  const access: IdentitySourceAccess = {
    searchableSources: ['salesforce', 'shopify', 'zendesk'],
    sourcesFor: (kind) => (['email', 'phone', 'name', 'identifier'].includes(kind) ? ['salesforce', 'shopify', 'zendesk'] : []),
    async search(source: string, key: BlockingKey) {
      calls.push(`search ${source}`);
      return world.filter((r) => r.ref.source === source && recordKeys(r, 'US').some((k) => k.kind === key.kind && 'value' in key && k.value === key.value));
    },
    async getById(source: string, id: string) {
      calls.push(`get ${source}`);
      return world.find((r) => r.ref.source === source && r.ref.id === id) ?? null;
    },
  };
  return { access, calls };
}

/** A SharedCrosswalk in memory that stores entries as the Redis one does (encoded text) and records its calls. */
function memoryShared(options: { lockWaitMs?: number; lock?: SharedLock } = {}) {
  const entries = new Map<string, string>();
  const log: string[] = [];
  const shared: SharedCrosswalk = {
    lockWaitMs: options.lockWaitMs ?? 200,
    async get(cacheKey) {
      log.push(`get ${cacheKey}`);
      const text = entries.get(cacheKey);
      return text === undefined ? undefined : decodeCrosswalkEntry(text);
    },
    async set(list) {
      log.push(`set ${list.length}`);
      for (const { cacheKey, entry } of list) entries.set(cacheKey, encodeCrosswalkEntry(entry));
    },
    async invalidate(refs) {
      log.push(`invalidate ${refs.join(',')}`);
      for (const [key, text] of entries) {
        const entry = decodeCrosswalkEntry(text)!;
        if (refsOfEntry(entry).some((r) => refs.includes(r)) || refs.includes(key.slice(4))) entries.delete(key);
      }
    },
    async lock() {
      return options.lock ?? 'acquired';
    },
    async unlock(cacheKey) {
      log.push(`unlock ${cacheKey}`);
    },
  };
  return { shared, entries, log };
}

const JANE = { kind: 'email', value: 'jane@example.com' } as const;

describe('createIdentityResolver: the shared crosswalk (L2)', () => {
  it('answers a replica that never resolved a key from L2, identically and without source calls', async () => {
    const { shared } = memoryShared();
    const one = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'], shared });
    const two = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'], shared });
    const first = await one.resolveKey(JANE, memoryAccess().access);
    const cold = memoryAccess();
    const again = await two.resolveKey(JANE, cold.access);
    expect(again.value).toStrictEqual(first.value);
    expect(cold.calls).toEqual([]);
    // Member refs were shared too.
    expect((await two.resolveRef({ source: 'zendesk', id: '21' }, cold.access)).value).toStrictEqual(first.value.status === 'matched' ? first.value.match.cluster : null);
    expect(cold.calls).toEqual([]);
    expect(two.stats()).toMatchObject({ sharedHits: 2, misses: 0 });
  });

  it('waits for the replica holding the lock and takes its answer', async () => {
    const { shared } = memoryShared({ lock: 'held', lockWaitMs: 2_000 });
    const holder = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'], shared: { ...shared, lock: async () => 'acquired' } });
    const waiter = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'], shared });
    const waiting = memoryAccess();
    const pending = waiter.resolveKey(JANE, waiting.access);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await holder.resolveKey(JANE, memoryAccess().access);
    expect((await pending).value.status).toBe('matched');
    expect(waiting.calls).toEqual([]);
  });

  it('resolves itself when the holder does not answer within lockWaitMs, or when L2 is unavailable', async () => {
    for (const lock of ['held', 'unavailable'] as const) {
      const { shared } = memoryShared({ lock, lockWaitMs: 50 });
      const resolver = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'], shared });
      const { access, calls } = memoryAccess();
      expect((await resolver.resolveKey(JANE, access)).value.status).toBe('matched');
      expect(calls.length).toBeGreaterThan(0);
    }
  });

  it('drops L2 entries on invalidation, and never takes a stale L2 entry to refresh a stale one', async () => {
    let clock = 1_000_000;
    const { shared, entries, log } = memoryShared();
    const resolver = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'], shared, cacheTtlMs: 1_000, now: () => clock });
    await resolver.resolveKey(JANE, memoryAccess().access);
    expect(entries.size).toBeGreaterThan(1);
    resolver.invalidate([{ source: 'zendesk', id: '21' }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toContain('invalidate zendesk/21');
    expect(entries.size).toBe(0);

    await resolver.resolveKey(JANE, memoryAccess().access);
    const stored: SharedCrosswalkEntry = decodeCrosswalkEntry(entries.get('key:email:jane@example.com')!)!;
    clock += 1_500; // past cacheTtlMs: stale, within the stale window
    const other = createIdentityResolver({ sourcePriority: ['salesforce', 'shopify', 'zendesk'], shared, cacheTtlMs: 1_000, now: () => clock });
    const cold = memoryAccess();
    // A replica with nothing at all serves the stale L2 entry (and will refresh it live).
    expect((await other.resolveKey(JANE, cold.access)).value).toStrictEqual(stored.resolution);
    expect(cold.calls).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await other.resolveKey(JANE, cold.access);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cold.calls.length).toBeGreaterThan(0);
  });
});
