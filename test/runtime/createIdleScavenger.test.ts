import { describe, expect, it } from 'vitest';
import { createIdleScavenger, type IdleScavengerOptions } from '../../src/runtime/index.js';

const MiB = 1024 * 1024;
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** Enough turns for the scavenger's two-turn check to have run. */
const turns = async (n = 4): Promise<void> => {
  for (let i = 0; i < n; i += 1) await turn();
};

/** A scavenger over a fake young generation and collector: the test sets what is in flight and how full it is. */
function scavengerWith(overrides: Partial<IdleScavengerOptions> = {}) {
  const state = { requests: 1, usedBytes: 20 * MiB, sizeBytes: 64 * MiB, collections: 0 };
  const scavenger = createIdleScavenger({
    requestsInFlight: () => state.requests,
    youngGeneration: () => ({ usedBytes: state.usedBytes, sizeBytes: state.sizeBytes }),
    minorGc: () => {
      state.collections += 1;
      state.usedBytes = 0;
    },
    ...overrides,
  });
  return { scavenger, state };
}

describe('createIdleScavenger', () => {
  it('collects while one request waits for a source it has sent to, once the young generation holds enough', async () => {
    const { scavenger, state } = scavengerWith();
    scavenger.begin();
    scavenger.sent();
    await turns();
    expect(state.collections).toBe(1);
    expect(scavenger.scavenges).toBe(1);
    // Emptied: the next wait finds too little to be worth a collection.
    scavenger.sent();
    await turns();
    expect(state.collections).toBe(1);
    scavenger.end();
    expect(scavenger.waiting).toBe(0);
  });

  it('never collects in the turn a request is sent: every call still being sent goes out first', async () => {
    const { scavenger, state } = scavengerWith();
    scavenger.begin();
    scavenger.sent();
    // A call sent in each of the next turns (other sources' calls flushed one turn apart) postpones the collection.
    for (let i = 0; i < 5; i += 1) {
      await turn();
      scavenger.sent();
      expect(state.collections).toBe(0);
    }
    await turns();
    expect(state.collections).toBe(1);
  });

  it('does nothing under load: more requests in flight than the limit', async () => {
    const { scavenger, state } = scavengerWith();
    state.requests = 2;
    scavenger.begin();
    scavenger.sent();
    await turns();
    expect(state.collections).toBe(0);
    // The same wait with the limit raised to two collects.
    const loaded = scavengerWith({ maxRequestsInFlight: 2 });
    loaded.state.requests = 2;
    loaded.scavenger.begin();
    loaded.scavenger.sent();
    await turns();
    expect(loaded.state.collections).toBe(1);
  });

  it('does nothing when the answer came before the check (no attempt waiting)', async () => {
    const { scavenger, state } = scavengerWith();
    scavenger.begin();
    scavenger.sent();
    scavenger.end();
    await turns();
    expect(state.collections).toBe(0);
  });

  it('collects at minYoungBytes, or at half a smaller young generation', async () => {
    const small = scavengerWith({ minYoungBytes: 8 * MiB });
    small.state.usedBytes = 7 * MiB;
    small.scavenger.begin();
    small.scavenger.sent();
    await turns();
    expect(small.state.collections).toBe(0);
    small.state.usedBytes = 8 * MiB;
    small.scavenger.sent();
    await turns();
    expect(small.state.collections).toBe(1);
    // A 4 MiB young generation (V8 grows it under load) is collected when half full.
    const young = scavengerWith({ minYoungBytes: 8 * MiB });
    young.state.sizeBytes = 4 * MiB;
    young.state.usedBytes = 2 * MiB;
    young.scavenger.begin();
    young.scavenger.sent();
    await turns();
    expect(young.state.collections).toBe(1);
  });

  it('is inactive, and never schedules a check, without a collector', async () => {
    let asked = 0;
    const scavenger = createIdleScavenger({
      requestsInFlight: () => {
        asked += 1;
        return 1;
      },
      minorGc: null,
    });
    expect(scavenger.active).toBe(false);
    scavenger.begin();
    scavenger.sent();
    await turns();
    expect(asked).toBe(0);
    expect(scavenger.scavenges).toBe(0);
  });

  it('rejects bad options with a TypeError naming them', () => {
    expect(() => createIdleScavenger({ requestsInFlight: () => 0, maxRequestsInFlight: 0, minorGc: null })).toThrow(/maxRequestsInFlight must be a positive integer, got 0/);
    expect(() => createIdleScavenger({ requestsInFlight: () => 0, minYoungBytes: -1, minorGc: null })).toThrow(/minYoungBytes must be a positive number, got -1/);
  });

  it("runs V8's own young-generation collection by default, without a gc global in this context", async () => {
    const scavenger = createIdleScavenger({ requestsInFlight: () => 1, minYoungBytes: 1 });
    expect(scavenger.active).toBe(true);
    expect('gc' in globalThis).toBe(false);
    // Something young to collect, whatever the test runner left.
    let junk: object[] | null = Array.from({ length: 10_000 }, (_, i) => ({ i }));
    expect(junk.length).toBe(10_000);
    junk = null;
    scavenger.begin();
    scavenger.sent();
    await turns();
    scavenger.end();
    expect(scavenger.scavenges).toBe(1);
  });
});
