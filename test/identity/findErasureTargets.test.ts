import { describe, expect, it } from 'vitest';
import type { BlockingKey } from '../../src/adapters/types.js';
import type { IdentityRecord } from '../../src/domain/index.js';
import { defaultIdentityTuning, EMPTY_OVERRIDES, normalizeEmail, normalizePhone, type IdentitySourceAccess, type OverrideState } from '../../src/identity/index.js';
import { findErasureTargets } from '../../src/identity/overrides/findErasureTargets.js';
import { identityRecord } from '../support/identityRecord.js';

const name = (given: string, family: string) => [{ given, family, full: `${given} ${family}` }];

/** Jane's two linked records, and what else the sources hold. */
const jane = [
  identityRecord('crm', 'c1', { names: name('Jane', 'Doe'), emails: ['Jane.Doe@example.org', 'home@doe.example'], phones: ['+1 415 555 0101'], identifiers: { loyaltyNumber: 'L-1' } }),
  identityRecord('shop', 's1', { names: name('Jane', 'Doe'), emails: ['jane.doe@example.org'] }),
];
const others = [
  // The resolver did not link this one: same phone, family name spelt differently.
  identityRecord('help', 'h1', { names: name('Jane', 'Do'), phones: ['(415) 555-0101'] }),
  // Same loyalty number, no name at all.
  identityRecord('loyal', 'l1', { identifiers: { loyaltyNumber: 'L-1' } }),
  // Her husband shares the household email: his record is his.
  identityRecord('shop', 's2', { names: name('John', 'Doe'), emails: ['home@doe.example'] }),
  // Unrelated person, returned by a fuzzy vendor search but holding none of Jane's values.
  identityRecord('help', 'h2', { names: name('Janet', 'Doe'), emails: ['janet@example.org'] }),
  // Already erased earlier.
  identityRecord('help', 'h3', { names: name('Jane', 'Doe'), emails: ['jane.doe@example.org'] }),
];

/** An in-memory source access: a search returns the source's records holding the key (plus fuzzy extras). */
function accessOver(records: readonly IdentityRecord[], options: { failing?: string[]; fuzzy?: boolean } = {}): IdentitySourceAccess & { searches: string[] } {
  const searches: string[] = [];
  const holds = (record: IdentityRecord, key: BlockingKey): boolean => {
    if (key.kind === 'email') return record.emails.some((e) => normalizeEmail(e) === key.value);
    if (key.kind === 'phone') return record.phones.some((p) => normalizePhone(p, 'US') === key.value);
    if (key.kind === 'identifier') return record.identifiers[key.type] === key.value;
    return false;
  };
  return {
    searches,
    searchableSources: ['crm', 'shop', 'help', 'loyal'],
    sourcesFor: () => ['crm', 'shop', 'help', 'loyal'],
    async search(source, key) {
      searches.push(`${source} ${key.kind}`);
      if (options.failing?.includes(source)) throw new Error(`${source} is down`);
      const inSource = records.filter((r) => r.ref.source === source);
      return inSource.filter((r) => holds(r, key) || (options.fuzzy === true && key.kind === 'email' && r.ref.id === 'h2'));
    },
    getById: async () => null,
  };
}

const tuning = { ...defaultIdentityTuning(), identifiers: ['loyaltyNumber'] };
const suppressedH3: OverrideState = { ...EMPTY_OVERRIDES, suppressed: new Set(['help/h3']) };

describe('findErasureTargets: records an erasure must also cover', () => {
  it('suppresses unlinked records holding her own values and leaves a household member\'s record as a candidate', async () => {
    const access = accessOver([...jane, ...others], { fuzzy: true });
    const targets = await findErasureTargets(jane, access, suppressedH3, { defaultRegion: 'US', tuning });
    expect(targets.matched).toEqual([
      { ref: { source: 'help', id: 'h1' }, attribute: 'phone' },
      { ref: { source: 'loyal', id: 'l1' }, attribute: 'identifier:loyaltyNumber' },
    ]);
    expect(targets.candidates).toEqual([{ ref: { source: 'shop', id: 's2' }, attribute: 'email', reason: 'SHARED_VALUE' }]);
    expect(targets.failedSources).toEqual([]);
    expect(targets.skippedKeys).toBe(0);
    // Every distinct value (2 emails, 1 phone, 1 identifier) in every searchable source.
    expect(access.searches).toHaveLength(4 * 4);
  });

  it('leaves a record a steward unlinked from her as a candidate, even when the value is hers alone', async () => {
    const state: OverrideState = { ...suppressedH3, unlinks: [['crm/c1', 'help/h1']] };
    const targets = await findErasureTargets(jane, accessOver([...jane, ...others]), state, { defaultRegion: 'US', tuning });
    expect(targets.matched.map((m) => m.ref.id)).toEqual(['l1']);
    expect(targets.candidates).toContainEqual({ ref: { source: 'help', id: 'h1' }, attribute: 'phone', reason: 'UNLINKED' });
  });

  it('treats a value a search returns too many records for as generic: nothing suppressed by it', async () => {
    const crowd = Array.from({ length: 5 }, (_, i) => identityRecord('shop', `g${i}`, { names: name('Jane', 'Doe'), emails: ['home@doe.example'] }));
    const targets = await findErasureTargets(jane, accessOver([...jane, ...crowd]), EMPTY_OVERRIDES, { defaultRegion: 'US', tuning, maxRecordsPerKey: 3 });
    expect(targets.matched).toEqual([]);
    expect(targets.candidates.map((c) => c.reason)).toEqual(Array(5).fill('GENERIC_VALUE'));
  });

  it('reports a failed source instead of throwing, and still finds what the others hold', async () => {
    const targets = await findErasureTargets(jane, accessOver([...jane, ...others], { failing: ['help'] }), suppressedH3, { defaultRegion: 'US', tuning });
    expect(targets.failedSources).toEqual(['help']);
    expect(targets.matched.map((m) => m.ref.id)).toEqual(['l1']);
  });

  it('searches no blocklisted value and no identifier type the config does not declare', async () => {
    const placeholder = [identityRecord('crm', 'c9', { names: name('Ann', 'Lee'), emails: ['noreply@example.com'], identifiers: { shoeSize: '9' } })];
    const access = accessOver(placeholder);
    const targets = await findErasureTargets(placeholder, access, EMPTY_OVERRIDES, { defaultRegion: 'US', tuning });
    expect(access.searches).toEqual([]);
    expect(targets).toEqual({ matched: [], candidates: [], failedSources: [], skippedKeys: 0 });
  });
});
