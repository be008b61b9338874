import { describe, expect, it } from 'vitest';
import type { IdentityRecord } from '../../src/domain/index.js';
import { assessDataQuality, buildProfile, defaultUnifyConfig, mergeConsent } from '../../src/unify/index.js';
import { identityRecord } from '../support/identityRecord.js';

const NOW = '2026-11-01T00:00:00.000Z';
const rec = (source: string, over: Partial<IdentityRecord>): IdentityRecord => identityRecord(source, `${source}1`, { updatedAt: '2026-10-01T00:00:00.000Z', ...over });
const config = defaultUnifyConfig();
const assess = (records: IdentityRecord[], expected = config.expectedAttributes, counts = { orders: 0, tickets: 0 }) =>
  assessDataQuality(buildProfile(records, config.survivorship, ['salesforce', 'shopify', 'zendesk'], NOW, 'US'), mergeConsent(records, NOW), counts, expected, Date.parse(NOW));

describe('assessDataQuality: completeness, conflicts, freshness', () => {
  it.each([
    { name: 'nothing known', records: [rec('zendesk', {})], completeness: 0, missing: 8 },
    { name: 'name and email of 8', records: [rec('zendesk', { names: [{ given: 'A', family: 'B', full: 'A B' }], emails: ['a@example.com'] })], completeness: 25, missing: 6 },
    {
      name: 'everything',
      records: [
        rec('salesforce', {
          names: [{ given: 'A', family: 'B', full: 'A B' }],
          emails: ['a@example.com'],
          phones: ['+14155551212'],
          addresses: [{ line1: '1 Main St', city: 'X', region: 'CA', postcode: '94105', country: 'US' }],
          birthDate: '1980-01-01',
          consent: [
            { channel: 'email', status: 'NO_OBJECTION', sourceValue: 'x', updatedAt: null },
            { channel: 'sms', status: 'OPTED_IN', sourceValue: 'x', updatedAt: null },
            { channel: 'phone', status: 'OPTED_OUT', sourceValue: 'x', updatedAt: null },
          ],
        }),
      ],
      completeness: 100,
      missing: 0,
    },
  ])('$name', ({ records, completeness, missing }) => {
    const dq = assess(records);
    expect(dq.completeness).toBe(completeness);
    expect(dq.missing).toHaveLength(missing);
    expect(dq.present.length + dq.missing.length).toBe(8);
  });

  it('counts orders and tickets when expected', () => {
    const dq = assess([rec('zendesk', {})], ['orders', 'tickets', 'name'], { orders: 2, tickets: 0 });
    expect(dq).toMatchObject({ completeness: 33.3, present: ['orders'], missing: ['tickets', 'name'] });
  });

  it('names the fields where sources disagree, with every value', () => {
    const dq = assess([rec('salesforce', { emails: ['a@example.com'] }), rec('shopify', { emails: ['b@example.com'] })]);
    expect(dq.conflicts.map((c) => [c.field, c.chosen, c.values.map((v) => v.value)])).toEqual([['email', 'a@example.com', ['a@example.com', 'b@example.com']]]);
  });

  it('reports the age of the oldest value used and cache ages', () => {
    const fetch = { fetchedAt: '2026-10-31T23:00:00.000Z', fromCache: true, stale: true, ageMs: 3_600_000 };
    const dq = assess([rec('salesforce', { emails: ['a@example.com'], updatedAt: '2026-09-01T00:00:00.000Z', fetch }), rec('shopify', { phones: ['+14155551212'] })]);
    expect(dq.freshness).toEqual({ oldestSourceUpdatedAt: '2026-09-01T00:00:00.000Z', oldestSourceAgeDays: 61, maxFetchAgeMs: 3_600_000, staleValues: 1 });
  });
});

describe('assessDataQuality: countries compared normalised', () => {
  const at = (country: string) => ({ line1: '1 Main St', city: 'Springfield', region: 'IL', postcode: '62701', country });

  it.each(['USA', 'United States', 'united states of america', 'us'])('"US" and %j are one address, not a conflict', (other) => {
    const dq = assess([rec('salesforce', { addresses: [at(other)] }), rec('shopify', { addresses: [at('US')] })]);
    expect(dq.conflicts.map((c) => c.field)).not.toContain('address');
  });

  it('still reports a different country as a conflict', () => {
    const dq = assess([rec('salesforce', { addresses: [at('USA')] }), rec('shopify', { addresses: [at('CA')] })]);
    expect(dq.conflicts.map((c) => c.field)).toContain('address');
  });
});
