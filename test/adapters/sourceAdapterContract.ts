import { expect, it } from 'vitest';
import type { BlockingKey, SourceAdapter } from '../../src/adapters/types.js';

/** What the contract needs to know about one adapter's data. */
export interface ContractFixture {
  readonly adapter: () => SourceAdapter;
  /** Two ids the source holds. */
  readonly ids: () => readonly [string, string];
  /** A key that finds the record `ids()[0]`. */
  readonly findsFirst: () => BlockingKey;
  /** An owner id with at least one order, when the source serves orders. */
  readonly ownerWithOrders?: () => string;
}

/**
 * The adapter port's contract (src/adapters/types.ts), shared by every source kind's tests: batch results
 * keep key order and length, unknown ids are null, unknown keys and unsupported key kinds are [], declared
 * capabilities match the methods present, and an empty batch makes no call.
 */
export function itKeepsThePortContract(fixture: ContractFixture): void {
  it('declares capabilities that match its methods', () => {
    const adapter = fixture.adapter();
    expect(typeof adapter.name).toBe('string');
    expect(typeof adapter.kind).toBe('string');
    expect(typeof adapter.search).toBe('function');
    expect(typeof adapter.getByIds).toBe('function');
    expect(adapter.capabilities.orders).toBe(typeof adapter.ordersByOwner === 'function');
    expect(adapter.capabilities.tickets).toBe(typeof adapter.ticketsByOwner === 'function');
    expect(adapter.capabilities.activities).toBe(typeof adapter.activitiesByOwner === 'function');
  });

  it('answers getByIds in key order and length, null for an unknown id, repeats included', async () => {
    const [a, b] = fixture.ids();
    const adapter = fixture.adapter();
    expect(await adapter.getByIds([], {})).toEqual([]);
    const records = await adapter.getByIds([b, 'no-such-id-0', a, b], {});
    expect(records.map((r) => (r === null || r instanceof Error ? r : r.ref))).toEqual([{ source: adapter.name, id: b }, null, { source: adapter.name, id: a }, { source: adapter.name, id: b }]);
  });

  it('answers search in key order and length: the finding key finds the record, others give []', async () => {
    const adapter = fixture.adapter();
    expect(await adapter.search([], {})).toEqual([]);
    const keys: BlockingKey[] = [
      { kind: 'email', value: 'no-one@nowhere.invalid' },
      fixture.findsFirst(),
      { kind: 'identifier', type: 'noSuchIdentifierType', value: 'x' },
      { kind: 'name', family: 'zzqxnosuchfamily', given: null },
    ];
    const found = await adapter.search(keys, {});
    expect(found).toHaveLength(4);
    expect(found[0]).toEqual([]);
    expect(Array.isArray(found[1]) && found[1].map((r) => r.ref.id)).toContain(fixture.ids()[0]);
    expect(found[2]).toEqual([]);
    expect(found[3]).toEqual([]);
  });

  if (fixture.ownerWithOrders) {
    it('answers ordersByOwner in key order and length, [] for an owner without orders', async () => {
      const adapter = fixture.adapter();
      const owner = fixture.ownerWithOrders!();
      const lists = await adapter.ordersByOwner!(['no-such-owner', owner], {});
      expect(lists).toHaveLength(2);
      expect(lists[0]).toEqual([]);
      expect(Array.isArray(lists[1]) && lists[1].length).toBeGreaterThan(0);
      expect(Array.isArray(lists[1]) && lists[1].every((o) => o.ownerRef.id === owner && o.ownerRef.source === adapter.name)).toBe(true);
    });
  }
}
