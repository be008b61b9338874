import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BlockingKey } from '../../../src/adapters/types.js';
import type { IdentityRecord } from '../../../src/domain/index.js';
import { FIXTURE_USERS, manyUsers, zendeskDataset, zendeskUser } from '../../sandbox/zendesk/zendeskFixture.js';
import { type AdapterHarness, startAdapterHarness } from './zendeskAdapterHarness.js';

// namePrefix keys (users/search `name:doe*`) and the maxSearchResults cap, over loopback against the fake.

const MANY = 250;
const refIds = (result: IdentityRecord[] | Error | undefined): string[] => {
  if (!Array.isArray(result)) throw new Error(`expected records, got ${String(result)}`);
  return result.map((r) => r.ref.id).sort();
};
const prefix = (family: string, given: string | null = null): BlockingKey => ({ kind: 'namePrefix', family, given });

describe('Zendesk search: namePrefix and maxSearchResults', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness({ dataset: zendeskDataset([...FIXTURE_USERS, zendeskUser({ id: 1100, name: 'Sam Do*' }), ...manyUsers(MANY)]) });
  });
  afterAll(() => h.close());
  afterEach(() => h.server.reset());

  it('declares name prefixes and no birth-date or address kinds', () => {
    expect(h.adapter.capabilities.searchKeys).toEqual(['email', 'phone', 'name', 'namePrefix', 'identifier']);
  });

  it('searches a name prefix with Zendesk wildcards, one call per distinct key, end users only', async () => {
    const results = await h.adapter.search([prefix('do', 'j'), prefix('aus'), prefix('do', 'x'), prefix('do', 'j')], {});
    expect(results.map(refIds)).toEqual([['1001'], ['1006'], [], ['1001']]);
    expect(
      h.server
        .requests()
        .map((r) => r.query.query)
        .sort(),
    ).toEqual(['name:aus*', 'name:do* name:j*', 'name:do* name:x*']);
  });

  it('never sends a value that could carry its own wildcard, quote or syntax, nor a one-letter family', async () => {
    const keys = [prefix('do*'), prefix('d"o'), prefix('do\\'), prefix('do:x'), prefix('d o'), prefix('do', 'j*'), prefix('d'), prefix("o'b")];
    expect(await h.adapter.search(keys, {})).toEqual(keys.map(() => []));
    expect(h.server.requests()).toHaveLength(0);
  });

  it('sends nothing for phonetic, birth-date and address keys', async () => {
    const keys: BlockingKey[] = [
      { kind: 'namePhonetic', family: 'T', given: null },
      { kind: 'birthDate', value: '1985-04-12' },
      { kind: 'postcodeStreet', postcode: '94105', street: '1 mar' },
    ];
    expect(await h.adapter.search(keys, {})).toEqual([[], [], []]);
    expect(h.server.requests()).toHaveLength(0);
  });

  it('reads every page of a common name without a cap', async () => {
    const [found] = await h.adapter.search([{ kind: 'name', family: 'Lee', given: null }], {});
    expect(refIds(found)).toHaveLength(MANY);
    expect(h.server.requests()).toHaveLength(3);
  });

  it('asks for M+1 users per page and stops after the page that reaches them', async () => {
    const [exact, wide] = await h.adapter.search([{ kind: 'name', family: 'Lee', given: null }, prefix('le')], { maxSearchResults: 20 });
    expect(refIds(exact)).toHaveLength(21);
    expect(refIds(wide)).toHaveLength(21);
    const log = h.server.requests();
    expect(log).toHaveLength(2);
    expect(log.map((r) => r.query.per_page)).toEqual(['21', '21']);
  });

  it('keeps paging past agents until it holds M+1 end users', async () => {
    const [found] = await h.adapter.search([prefix('do')], { maxSearchResults: 1 });
    // Jane Doe (end user), Jane Doe (agent), Sam Do* (end user): pages of 2.
    expect(refIds(found)).toEqual(['1001', '1100']);
    expect(h.server.requests().map((r) => r.route)).toEqual(['users.search', 'users.search']);
  });
});
