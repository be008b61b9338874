import { describe, expect, it } from 'vitest';
import type { IdentityRecord, PostalAddress } from '../../src/domain/index.js';
import { buildClusters, createMatcher, decodeCustomerId, defaultIdentityTuning, encodeCustomerId, type OverrideState } from '../../src/identity/index.js';

interface Spec {
  emails?: string[];
  phones?: string[];
  name?: string;
  birthDate?: string | null;
  address?: Partial<PostalAddress> | null;
  identifiers?: Record<string, string>;
}

function record(source: string, id: string, spec: Spec = {}): IdentityRecord {
  const name = spec.name ?? 'Jane Doe';
  const [given, family] = name.split(' ');
  const address = spec.address ? [{ line1: null, city: null, region: null, postcode: null, country: null, ...spec.address }] : [];
  return {
    ref: { source, id },
    names: [{ given: given ?? null, family: family ?? null, full: name }],
    emails: spec.emails ?? [],
    phones: spec.phones ?? [],
    addresses: address,
    birthDate: spec.birthDate ?? null,
    identifiers: spec.identifiers ?? {},
    createdAt: null,
    updatedAt: null,
  };
}

const tuning = { ...defaultIdentityTuning(), identifiers: ['loyaltyNumber'] };
const options = { defaultRegion: 'US' as const, stripPlusTags: false, matcher: createMatcher(tuning), sourcePriority: ['salesforce', 'shopify', 'zendesk', 'loyalty'], now: 1000 };
const members = (set: Awaited<ReturnType<typeof buildClusters>>, ref: string) => set.clusterOf.get(ref)!.links.map((l) => `${l.ref.source}/${l.ref.id}`).sort();

describe('buildClusters: deterministic rules', () => {
  it('links records across sources by normalised email and phone, with evidence and weights', async () => {
    const set = await buildClusters(
      [record('zendesk', '9', { emails: ['jane@example.com'], phones: ['+1 415-555-1212'] }), record('shopify', '7', { emails: ['  JANE@example.com'] }), record('salesforce', '003B', { phones: ['(415) 555-1212'] })],
      options,
    );
    expect(set.clusters).toHaveLength(1);
    const cluster = set.clusters[0]!;
    expect(cluster.anchor).toEqual({ source: 'salesforce', id: '003B' });
    expect(cluster.customerId).toBe(encodeCustomerId({ source: 'salesforce', id: '003B' }));
    expect(cluster.links.map((l) => [l.ref.source, l.rule, l.linkedTo?.source ?? null])).toEqual([
      ['salesforce', 'SEED', null],
      ['zendesk', 'EXACT_PHONE', 'salesforce'],
      ['shopify', 'EXACT_EMAIL', 'zendesk'],
    ]);
    const phoneExact = options.matcher.levelWeights().find((l) => l.comparison === 'phone' && l.level === 'EXACT')!.weight;
    expect(phoneExact).toBeGreaterThan(10);
    expect(cluster.links[1]!.matchedOn).toContainEqual({ attribute: 'phone', level: 'EXACT', weight: phoneExact });
    expect(cluster.links[1]!.confidence).toBe(1);
  });

  it('links by a configured identifier', async () => {
    const set = await buildClusters([record('loyalty', 'L1', { identifiers: { loyaltyNumber: 'X1' }, name: 'Ann Lee' }), record('shopify', '2', { identifiers: { loyaltyNumber: 'X1' }, name: 'Ann Lee' })], options);
    expect(set.clusters).toHaveLength(1);
    expect(set.clusters[0]!.links[1]!.rule).toBe('EXACT_IDENTIFIER:loyaltyNumber');
  });

  it.each([
    ['a blocked local part', { emails: ['noreply@shop.example.com'] }],
    ['a blocked test domain', { emails: ['jane@example.invalid'] }],
    ['a placeholder phone', { phones: ['(555) 555-5555'] }],
    ['a repeated-digit phone', { phones: ['000-000-0000'] }],
  ])('never links through %s', async (_label, spec) => {
    const set = await buildClusters([record('shopify', '1', { ...spec, name: 'Ann Lee' }), record('zendesk', '2', { ...spec, name: 'Bo Chan' })], options);
    expect(set.clusters).toHaveLength(2);
  });

  it('does not merge a household sharing an email, and links each member by phone', async () => {
    const set = await buildClusters(
      [
        record('salesforce', '003A', { emails: ['smiths@example.net'], phones: ['4155550101'], name: 'Ann Smith' }),
        record('salesforce', '003B', { emails: ['smiths@example.net'], phones: ['4155550102'], name: 'Bob Smith' }),
        record('shopify', '1', { emails: ['smiths@example.net'], phones: ['+14155550101'], name: 'Ann Smith' }),
        record('zendesk', '2', { phones: ['415-555-0102'], name: 'Bob Smith' }),
      ],
      options,
    );
    expect(set.values.shared.has('email:smiths@example.net')).toBe(true);
    expect(set.clusters).toHaveLength(2);
    expect(members(set, 'shopify/1')).toEqual(['salesforce/003A', 'shopify/1']);
    expect(members(set, 'zendesk/2')).toEqual(['salesforce/003B', 'zendesk/2']);
  });

  it('links CRM duplicates of one person that share an email (same given name), unlike a household', async () => {
    const set = await buildClusters([record('salesforce', '003A', { emails: ['jd@example.com'], name: 'Robert Doe' }), record('salesforce', '003B', { emails: ['jd@example.com'], name: 'Bob Doe' })], options);
    expect(set.clusters).toHaveLength(1);
  });

  it('treats a value held by more than genericMaxPeople people as generic', async () => {
    const names = ['Ann Lee', 'Bo Chan', 'Cy Park', 'Di Ross'];
    const set = await buildClusters(names.map((name, i) => record('shopify', String(i), { emails: ['orders@example.com'], name })), options);
    expect(set.values.generic.has('email:orders@example.com')).toBe(true);
    expect(set.clusters).toHaveLength(4);
  });

  it('ignores keys known to be generic', async () => {
    const set = await buildClusters([record('shopify', '1', { emails: ['info@example.com'] }), record('zendesk', '2', { emails: ['info@example.com'] })], { ...options, genericKeys: new Set(['email:info@example.com']) });
    expect(set.clusters).toHaveLength(2);
  });

  it('anchors on the highest-priority source, then the smallest id, so the id is stable under input order', async () => {
    const records = [record('shopify', '5', { emails: ['a@example.com'] }), record('shopify', '3', { emails: ['a@example.com'], phones: ['4155550111'] }), record('zendesk', '1', { phones: ['4155550111'] })];
    const forward = await buildClusters(records, options);
    const backward = await buildClusters([...records].reverse(), options);
    expect(forward.clusterOf.get('zendesk/1')!.anchor).toEqual({ source: 'shopify', id: '3' });
    expect(backward.clusterOf.get('zendesk/1')!.customerId).toBe(forward.clusterOf.get('zendesk/1')!.customerId);
  });
});

describe('buildClusters: probabilistic matching', () => {
  const address = { line1: '12 North Main Street', postcode: '94107', city: 'San Francisco' };
  it('links records with no shared email or phone by name, birth date and address (PROBABILISTIC)', async () => {
    const set = await buildClusters(
      [
        record('salesforce', '003A', { name: 'Robert Haley', birthDate: '1980-03-04', address, emails: ['rh@example.com'] }),
        record('loyalty', 'L1', { name: 'BOB HALEY', birthDate: '03/04/1980', address: { line1: '12 N Main St.', postcode: '94107-1234' } }),
      ],
      options,
    );
    expect(set.clusters).toHaveLength(1);
    const link = set.clusters[0]!.links[1]!;
    expect(link.rule).toBe('PROBABILISTIC');
    expect(link.score).toBeGreaterThanOrEqual(16);
    expect(link.confidence).toBeGreaterThan(0.95);
    expect(link.matchedOn.map((e) => `${e.attribute}:${e.level}`)).toEqual(['givenName:NICKNAME', 'familyName:EXACT', 'birthDate:EXACT', 'address:EXACT', 'postcode:IMPLIED']);
  });

  it('scores a household member (same surname and address, other given name and birth date) below review', async () => {
    const set = await buildClusters(
      [record('salesforce', '003A', { name: 'Ann Haley', birthDate: '1980-03-04', address }), record('loyalty', 'L2', { name: 'Bob Haley', birthDate: '1982-07-19', address })],
      options,
    );
    expect(set.clusters).toHaveLength(2);
    expect(set.clusterOf.get('salesforce/003A')!.candidates).toEqual([]);
  });

  it('keeps a record between the thresholds as a candidate, never a merge', async () => {
    // Nickname and surname agree, nothing else to go on (no address, no birth date): between 8 and 16.
    const set = await buildClusters(
      [record('salesforce', '003A', { name: 'Robert Haley', birthDate: '1980-03-04', address }), record('loyalty', 'L2', { name: 'Bob Haley' })],
      options,
    );
    expect(set.clusters).toHaveLength(2);
    const ann = set.clusterOf.get('salesforce/003A')!;
    expect(ann.candidates?.map((c) => `${c.ref.source}/${c.ref.id}`)).toEqual(['loyalty/L2']);
    expect(ann.candidates?.[0]!.score).toBeGreaterThanOrEqual(8);
    expect(ann.candidates?.[0]!.score).toBeLessThan(16);
  });

  it('vetoes a deterministic link when everything else disagrees', async () => {
    const set = await buildClusters(
      [record('shopify', '1', { emails: ['x@example.com'], name: 'Ann Lee', birthDate: '1970-01-01', phones: ['4155550101'] }), record('zendesk', '2', { emails: ['x@example.com'], name: 'Bo Chan', birthDate: '1990-05-05', phones: ['4155550199'] })],
      options,
    );
    expect(set.clusters).toHaveLength(2);
  });
});

describe('buildClusters: overrides', () => {
  const a = record('salesforce', '003A', { emails: ['jane@example.com'] });
  const b = record('shopify', '1', { emails: ['jane@example.com'] });
  const c = record('zendesk', '9', { name: 'Someone Else' });
  const with_ = (state: Partial<OverrideState>) => ({ ...options, overrides: { links: [], unlinks: [], suppressed: new Set<string>(), ...state } });

  it('keeps an unlinked pair apart and lists it as a candidate', async () => {
    const set = await buildClusters([a, b], with_({ unlinks: [['salesforce/003A', 'shopify/1']] }));
    expect(set.clusters).toHaveLength(2);
    expect(set.clusterOf.get('salesforce/003A')!.candidates?.[0]!.reason).toMatch(/unlinkRecords/);
  });

  it('links an asserted pair with rule OVERRIDE', async () => {
    const set = await buildClusters([a, c], with_({ links: [['salesforce/003A', 'zendesk/9']] }));
    expect(set.clusters).toHaveLength(1);
    expect(set.clusters[0]!.links[1]!.rule).toBe('OVERRIDE');
  });

  it('drops suppressed records entirely', async () => {
    const set = await buildClusters([a, b], with_({ suppressed: new Set(['salesforce/003A']) }));
    expect(set.clusterOf.has('salesforce/003A')).toBe(false);
    expect(set.clusters.map((cl) => cl.anchor)).toEqual([{ source: 'shopify', id: '1' }]);
  });

  it('refuses links beyond maxMembersPerSource', async () => {
    const records = [0, 1, 2].map((i) => record('shopify', String(i), { emails: ['jane@example.com'] }));
    const set = await buildClusters(records, { ...options, maxMembersPerSource: 2 });
    expect(set.clusters).toHaveLength(2);
  });
});

describe('customerId: opaque ids', () => {
  it.each([[{ source: 'salesforce', id: '003D000000QOxyzIAD' }], [{ source: 'file', id: 'row/12' }]])('round-trips %j', (ref) => {
    expect(decodeCustomerId(encodeCustomerId(ref))).toEqual(ref);
  });

  it.each(['', 'cus_', 'abc', 'cus_***', `cus_${Buffer.from('noslash').toString('base64url')}`])('rejects %j', (id) => {
    expect(decodeCustomerId(id)).toBeNull();
  });
});
