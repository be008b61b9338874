import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSourceAdapter } from '../../src/adapters/createSourceAdapter.js';
import type { SourceAdapter } from '../../src/adapters/types.js';
import { loadConfig } from '../../src/config.js';
import type { SourceRef } from '../../src/domain/index.js';
import { createIdentityResolver, type IdentityResolver } from '../../src/identity/index.js';
import { createLoaders } from '../../src/loaders/index.js';
import { writeLinkageBenchmark } from '../../src/sandbox/linkage/index.js';

/** Members of the customer a ref resolves to, as sorted `source/id` texts ('' when not found). */
async function membersOf(resolver: IdentityResolver, adapters: readonly SourceAdapter[], ref: SourceRef): Promise<string> {
  const resolved = await resolver.resolveRef(ref, createLoaders(adapters, {}).identityAccess);
  return (resolved.value?.links.map((l) => `${l.ref.source}/${l.ref.id}`) ?? []).sort().join(' ');
}

describe('identity: the crosswalk does not depend on query order', () => {
  let dir: string;
  let adapters: SourceAdapter[];
  let refs: SourceRef[];
  const alone = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'c360-order-'));
    // Three file sources of 80 people with typos, swaps, nicknames, households, twins and namesakes.
    const written = await writeLinkageBenchmark(dir, { size: 80, seed: 11 });
    const config = loadConfig(written.configPath);
    adapters = config.sources.map((source) => createSourceAdapter(source, pino({ level: 'silent' })));
    refs = [];
    for (const adapter of adapters) refs.push(...(await adapter.sample!(10_000, {})).map((r) => r.ref));
    // Each record resolved first, in a crosswalk of its own: the answer every order must give.
    for (const ref of refs) alone.set(`${ref.source}/${ref.id}`, await membersOf(createIdentityResolver({ sourcePriority: adapters.map((a) => a.name) }), adapters, ref));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(adapters.map((a) => a.close?.()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('links some records across sources (the property below is not about singletons only)', () => {
    const linked = [...alone.values()].filter((members) => members.includes(' '));
    expect(linked.length).toBeGreaterThan(20);
  });

  it('resolves every record to the same customer whatever was asked before, through one shared crosswalk', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(refs, { minLength: 30, maxLength: 60 }), async (order) => {
        const resolver = createIdentityResolver({ sourcePriority: adapters.map((a) => a.name) });
        for (const ref of order) {
          const key = `${ref.source}/${ref.id}`;
          expect(await membersOf(resolver, adapters, ref), key).toBe(alone.get(key));
        }
        resolver.close();
      }),
      { numRuns: 12, seed: 20261202 },
    );
  }, 180_000);
});
