import { describe, expect, it } from 'vitest';
import { mergeContactPoints } from '../../src/unify/index.js';
import { identityRecord } from '../support/identityRecord.js';

const record = identityRecord;

describe('mergeContactPoints: distinct values with sources', () => {
  const merged = mergeContactPoints(
    [
      record('salesforce', 'A', { names: [{ given: 'Robert', family: 'Smith', full: 'Robert Smith' }], emails: ['Rob.Smith@Example.com'], phones: ['(415) 555-0100'], addresses: [{ line1: '1 Main St', city: 'Springfield', region: 'IL', postcode: '62701', country: 'US' }] }),
      record('shopify', 'B', { names: [{ given: 'Bob', family: 'Smith', full: null }], emails: [' rob.smith@example.com '], phones: ['+14155550100'], addresses: [{ line1: '1 MAIN ST', city: 'Springfield', region: 'IL', postcode: '62701-1234', country: 'US' }] }),
      record('zendesk', 'C', { names: [{ given: 'Bob', family: 'Smith', full: 'Bob Smith' }], emails: ['bob@example.org'], phones: [] }),
    ],
    'US',
  );

  it('folds emails and phones by their normalised form and lists every holder', () => {
    expect(merged.emails).toEqual([
      { value: 'rob.smith@example.com', primary: true, sources: [{ source: 'salesforce', id: 'A' }, { source: 'shopify', id: 'B' }] },
      { value: 'bob@example.org', primary: false, sources: [{ source: 'zendesk', id: 'C' }] },
    ]);
    expect(merged.phones).toEqual([{ value: '+14155550100', primary: true, sources: [{ source: 'salesforce', id: 'A' }, { source: 'shopify', id: 'B' }] }]);
  });

  it('keeps distinct names, the highest-priority record first, then by holders', () => {
    expect(merged.names.map((n) => [n.value.full, n.primary, n.sources.length])).toEqual([
      ['Robert Smith', true, 1],
      ['Bob Smith', false, 2],
    ]);
  });

  it('treats the same street and 5-digit postcode in other case as one address', () => {
    expect(merged.addresses).toHaveLength(1);
    expect(merged.addresses[0]!.sources).toHaveLength(2);
  });

  it('returns empty lists for no records', () => {
    expect(mergeContactPoints([], 'US')).toEqual({ names: [], emails: [], phones: [], addresses: [] });
  });
});
