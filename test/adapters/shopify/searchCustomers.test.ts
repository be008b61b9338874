import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BlockingKey } from '../../../src/adapters/types.js';
import type { IdentityRecord } from '../../../src/domain/index.js';
import { ANA, JANE, JOHN, fixtureCustomer, shopifyFixture } from '../../sandbox/shopify/shopifyFixture.js';
import { startAdapterHarness, type AdapterHarness } from './startAdapterHarness.js';

// namePrefix keys (Shopify prefix queries) and the maxSearchResults cap, over loopback against the fake shop.

const MANY = 120;
const RARE = 9500;
const STAR = 9501;
const fixture = shopifyFixture();
const dataset = {
  ...fixture,
  shopify: {
    ...fixture.shopify,
    customers: [
      ...fixture.shopify.customers,
      ...Array.from({ length: MANY }, (_, i) => fixtureCustomer(9001 + i, { firstName: `M${i}`, lastName: 'Many' })),
      fixtureCustomer(RARE, { firstName: 'Ruth', lastName: 'Rare' }),
      fixtureCustomer(STAR, { firstName: 'Sam', lastName: 'Do*' }),
    ],
  },
};

const ids = (slot: IdentityRecord[] | Error | undefined): string[] => {
  if (!Array.isArray(slot)) throw slot ?? new Error('missing slot');
  return slot.map((r) => r.ref.id).sort();
};
const prefix = (family: string, given: string | null = null): BlockingKey => ({ kind: 'namePrefix', family, given });
const name = (family: string, given: string | null = null): BlockingKey => ({ kind: 'name', family, given });

let h: AdapterHarness;
beforeAll(async () => {
  h = await startAdapterHarness({ dataset });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.server.reset();
});

describe('Shopify search: declared key kinds', () => {
  it('declares name prefixes and none of the kinds the customers query has no filter for', () => {
    expect(h.adapter.capabilities.searchKeys).toEqual(['email', 'phone', 'name', 'namePrefix']);
  });

  it('sends nothing for phonetic, birth-date, address and identifier keys', async () => {
    const keys: BlockingKey[] = [
      { kind: 'namePhonetic', family: 'T', given: null },
      { kind: 'birthDate', value: '1985-04-12' },
      { kind: 'postcodeStreet', postcode: '94105', street: '1 mar' },
      { kind: 'identifier', type: 'loyaltyNumber', value: 'L1' },
    ];
    expect(await h.adapter.search(keys, {})).toEqual([[], [], [], []]);
    expect(h.server.requests()).toHaveLength(0);
  });
});

describe('Shopify search: namePrefix', () => {
  it('ORs a batch of prefix queries into one call and hands customers back per key', async () => {
    const keys = [prefix('do', 'j'), prefix('smi'), prefix('lo', 'a'), prefix('lo', 'x'), prefix('DO', 'J')];
    const results = await h.adapter.search(keys, {});
    expect(results.map(ids)).toEqual([[String(JANE)], [String(JOHN)], [String(ANA)], [], [String(JANE)]]);
    expect(h.operations()).toEqual(['C360SearchCustomers']);
    expect(h.variables()[0]?.['query']).toBe('(last_name:do* first_name:j*) OR last_name:smi* OR (last_name:lo* first_name:a*) OR (last_name:lo* first_name:x*) OR (last_name:DO* first_name:J*)');
  });

  it('never sends a value that could carry its own wildcard, quote or syntax, nor a one-letter family', async () => {
    const keys = [prefix('do*'), prefix('d"o'), prefix("d'o"), prefix('do\\'), prefix('do:x'), prefix('do)'), prefix('d o'), prefix('do', 'j*'), prefix('d')];
    expect(await h.adapter.search(keys, {})).toEqual(keys.map(() => []));
    expect(h.server.requests()).toHaveLength(0);
  });

  it('keeps a star in an exact name literal', async () => {
    const [exact, wide] = await h.adapter.search([name('Do*'), prefix('do')], {});
    expect(ids(exact)).toEqual([String(STAR)]);
    expect(ids(wide)).toEqual([String(STAR), String(JANE)].sort());
  });
});

describe('Shopify search: maxSearchResults', () => {
  it('reads every page of a common surname without a cap', async () => {
    const [slot] = await h.adapter.search([name('Many')], {});
    expect(ids(slot)).toHaveLength(MANY);
    expect(h.operations()).toHaveLength(3);
  });

  it('asks for one page of M+1 customers under the cap', async () => {
    const [slot] = await h.adapter.search([name('Many')], { maxSearchResults: 4 });
    expect(ids(slot)).toHaveLength(5);
    expect(h.variables().map((v) => v['first'])).toEqual([5]);
  });

  it('re-searches the rare terms of a batch cut off by a common one, so they lose nothing', async () => {
    const results = await h.adapter.search([name('Many'), name('Rare'), prefix('man'), prefix('rar')], { maxSearchResults: 4 });
    expect(results.map((slot) => ids(slot).length)).toEqual([5, 1, 5, 1]);
    expect(ids(results[1])).toEqual([String(RARE)]);
    expect(ids(results[3])).toEqual([String(RARE)]);
    const calls = h.variables().map((v) => `${String(v['query'])} first:${String(v['first'])}`);
    expect(calls.sort()).toEqual(['last_name:"Many" OR last_name:"Rare" first:10', 'last_name:"Rare" first:5', 'last_name:man* OR last_name:rar* first:10', 'last_name:rar* first:5'].sort());
  });

  it('needs one call when the batch stays under its limit', async () => {
    const results = await h.adapter.search([name('Doe'), name('Rare')], { maxSearchResults: 4 });
    expect(results.map(ids)).toEqual([[String(JANE)], [String(RARE)]]);
    expect(h.operations()).toHaveLength(1);
  });
});
