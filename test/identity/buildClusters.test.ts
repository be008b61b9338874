import { describe, expect, it } from 'vitest';
import type { IdentityRecord } from '../../src/domain/index.js';
import { buildClusters, decodeCustomerId, encodeCustomerId } from '../../src/identity/index.js';

function record(source: string, id: string, emails: string[], phones: string[], name = 'Jane Doe'): IdentityRecord {
  const [given, family] = name.split(' ');
  return { ref: { source, id }, names: [{ given: given ?? null, family: family ?? null, full: name }], emails, phones, addresses: [], birthDate: null, identifiers: {}, createdAt: null, updatedAt: null };
}

const options = { defaultRegion: 'US' as const, sourcePriority: ['salesforce', 'shopify', 'zendesk'], now: 1000 };

describe('buildClusters: exact matching', () => {
  it('links records across sources by normalised email and phone', () => {
    const set = buildClusters(
      [
        record('zendesk', '9', ['jane@example.com'], ['+1 415-555-1212']),
        record('shopify', '7', ['  JANE@example.com'], []),
        record('salesforce', '003B', [], ['(415) 555-1212']),
      ],
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
    expect(cluster.links[1]!.matchedOn).toEqual([{ attribute: 'phone', level: 'EXACT', weight: null }]);
  });

  it('does not link through an email two records of one source share (household)', () => {
    const set = buildClusters(
      [
        record('salesforce', '003A', ['smiths@example.net'], ['4155550101'], 'Ann Smith'),
        record('salesforce', '003B', ['smiths@example.net'], ['4155550102'], 'Bob Smith'),
        record('shopify', '1', ['smiths@example.net'], ['+14155550101'], 'Ann Smith'),
        record('zendesk', '2', [], ['415-555-0102'], 'Bob Smith'),
      ],
      options,
    );
    expect(set.sharedKeys.has('email:smiths@example.net')).toBe(true);
    expect(set.clusters).toHaveLength(2);
    const ann = set.clusterOf.get('shopify/1')!;
    const bob = set.clusterOf.get('zendesk/2')!;
    expect(ann).not.toBe(bob);
    expect(ann.links.map((l) => `${l.ref.source}/${l.ref.id}`).sort()).toEqual(['salesforce/003A', 'shopify/1']);
    expect(bob.links.map((l) => `${l.ref.source}/${l.ref.id}`).sort()).toEqual(['salesforce/003B', 'zendesk/2']);
  });

  it('ignores generic keys', () => {
    const set = buildClusters([record('shopify', '1', ['info@example.com'], []), record('zendesk', '2', ['info@example.com'], [])], { ...options, genericKeys: new Set(['email:info@example.com']) });
    expect(set.clusters).toHaveLength(2);
  });

  it('anchors on the highest-priority source, then the smallest id, so the id is stable under input order', () => {
    const records = [record('shopify', '5', ['a@example.com'], []), record('shopify', '3', ['a@example.com'], ['4155550111']), record('zendesk', '1', [], ['4155550111'])];
    const forward = buildClusters(records, options);
    const backward = buildClusters([...records].reverse(), options);
    // Two Shopify records share the email, so only the phone links: shopify/3 + zendesk/1, and shopify/5 alone.
    expect(forward.clusterOf.get('zendesk/1')!.anchor).toEqual({ source: 'shopify', id: '3' });
    expect(backward.clusterOf.get('zendesk/1')!.customerId).toBe(forward.clusterOf.get('zendesk/1')!.customerId);
  });
});

describe('customerId: opaque ids', () => {
  it.each([
    [{ source: 'salesforce', id: '003D000000QOxyzIAD' }],
    [{ source: 'file', id: 'row/12' }],
  ])('round-trips %j', (ref) => {
    expect(decodeCustomerId(encodeCustomerId(ref))).toEqual(ref);
  });

  it.each(['', 'cus_', 'abc', 'cus_***', `cus_${Buffer.from('noslash').toString('base64url')}`])('rejects %j', (id) => {
    expect(decodeCustomerId(id)).toBeNull();
  });
});
