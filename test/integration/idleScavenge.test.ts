import v8 from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER_360 } from '../../bench/queries.js';
import { findShowcasePerson } from '../../src/sandbox/dataset/index.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

// Issue 17, light-load p99: young-generation collections run while a request waits for its sources.
let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Fills this process's young generation (the gateway runs in it) to more than half with garbage; returns the objects made. */
function fillYoungGeneration(): number {
  const young = (): v8.HeapSpaceInfo => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!;
  const filled = (): boolean => {
    const space = young();
    return space.space_used_size > (space.space_used_size + space.space_available_size) * 0.55;
  };
  let made = 0;
  for (let i = 0; !filled() && i < 10_000; i += 1) made += Array.from({ length: 1_000 }, (_, k) => ({ k })).length;
  return made;
}

/** Warm 360s at light load (one at a time, 30 ms sources), the young generation filled before each. */
async function lightQueries(gateway: TestGateway, count: number): Promise<void> {
  const show = findShowcasePerson(gateway.sandbox.dataset);
  const found = await gateway.gql<{ customerBySource: { id: string } }>(`query($id: ID!) { customerBySource(source: "salesforce", id: $id) { id } }`, { id: show.contact.id });
  const id = found.data!.customerBySource.id;
  for (const server of [gateway.sandbox.salesforce, gateway.sandbox.shopify, gateway.sandbox.zendesk]) server.addFault({ delayMs: 30 });
  for (let i = 0; i < count; i += 1) {
    fillYoungGeneration();
    const res = await gateway.gql<{ customer: { id: string } }>(CUSTOMER_360, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.customer.id).toBe(id);
  }
}

async function idleScavenges(gateway: TestGateway): Promise<number | null> {
  const text = await (await fetch(`${gateway.url.replace(/\/graphql$/, '')}/metrics`)).text();
  const line = /^c360_idle_scavenges (\d+)$/m.exec(text);
  return line ? Number(line[1]) : null;
}

describe('idle-time young-generation collection', () => {
  it('collects while a light-load request waits for its sources, and counts it in /metrics', async () => {
    t = await startTestGateway({ size: 60, seed: 7 });
    expect(await idleScavenges(t)).toBe(0);
    await lightQueries(t, 6);
    expect(await idleScavenges(t)).toBeGreaterThanOrEqual(1);
  });

  it('is off with performance.idleScavenge: false (no collections, no series)', async () => {
    t = await startTestGateway({ size: 60, seed: 7, performance: { idleScavenge: false } });
    await lightQueries(t, 2);
    expect(await idleScavenges(t)).toBeNull();
  });
});
