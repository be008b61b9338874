import { describe, expect, it } from 'vitest';
import type { Cluster, SharedCrosswalkEntry } from '../../src/identity/index.js';
import { decodeCrosswalkEntry, encodeCrosswalkEntry, refsOfEntry } from '../../src/state/crosswalkCodec.js';

const rich: Cluster = {
  customerId: 'cus_c2FsZXNmb3JjZS8wMDNB',
  anchor: { source: 'salesforce', id: '003A' },
  links: [
    { ref: { source: 'salesforce', id: '003A' }, rule: 'SEED', confidence: 1, linkedTo: null, matchedOn: [], score: null },
    {
      ref: { source: 'shopify', id: 'gid://shopify/Customer/9' },
      rule: 'PROBABILISTIC',
      confidence: 0.987654321,
      linkedTo: { source: 'salesforce', id: '003A' },
      matchedOn: [
        { attribute: 'givenName', level: 'NICKNAME', weight: 3.1415926 },
        { attribute: 'birthDate', level: 'MISSING', weight: 0 },
        { attribute: 'address', level: 'DIFFERENT', weight: Number.NEGATIVE_INFINITY },
        { attribute: 'identifier:loyalty', level: 'EXACT', weight: null },
      ],
      score: 12.5,
    },
    { ref: { source: 'zendesk', id: '77' }, rule: 'EXACT_IDENTIFIER:loyalty', confidence: 1, linkedTo: { source: 'shopify', id: 'gid://shopify/Customer/9' }, matchedOn: [{ attribute: 'identifier:loyalty', level: 'EXACT', weight: 9 }] },
  ],
  candidates: [{ ref: { source: 'zendesk', id: '78' }, comparedWith: { source: 'salesforce', id: '003A' }, score: 4.2, confidence: 0.71, matchedOn: [{ attribute: 'email', level: 'SHARED', weight: 0 }], reason: 'between the review and link thresholds' }],
  resolvedAt: 1_764_000_000_123,
};
const plain: Cluster = { customerId: 'cus_b', anchor: { source: 'shopify', id: '5' }, links: [{ ref: { source: 'shopify', id: '5' }, rule: 'SEED', confidence: 1, linkedTo: null, matchedOn: [] }], resolvedAt: 2 };

describe('crosswalkCodec: entries shared through Redis', () => {
  it.each<[string, SharedCrosswalkEntry]>([
    ['a matched key with every optional part', { resolution: { status: 'matched', match: { cluster: rich, matchedRefs: [{ source: 'shopify', id: 'gid://shopify/Customer/9' }] } }, freshUntil: 1_764_000_300_123 }],
    ['an ambiguous key', { resolution: { status: 'ambiguous', matches: [{ cluster: rich, matchedRefs: [rich.anchor] }, { cluster: plain, matchedRefs: [plain.anchor] }] }, freshUntil: 9 }],
    ['an unmatched key', { resolution: { status: 'unmatched' }, freshUntil: 9 }],
    ['a ref resolving to a cluster', { cluster: plain, freshUntil: 9 }],
    ['a ref with no record', { cluster: null, freshUntil: 9 }],
  ])('round-trips %s exactly', (_name, entry) => {
    expect(decodeCrosswalkEntry(encodeCrosswalkEntry(entry))).toStrictEqual(entry);
  });

  it.each([['not JSON', '{'], ['another version', '{"v":2,"e":{"cluster":null,"freshUntil":1}}'], ['no freshUntil', '{"v":1,"e":{"cluster":null}}'], ['nothing resolved', '{"v":1,"e":{"freshUntil":1}}']])(
    'reads %s as a miss',
    (_name, text) => {
      expect(decodeCrosswalkEntry(text)).toBeUndefined();
    },
  );

  it('indexes an entry under every member and candidate of every cluster it holds', () => {
    const refs = refsOfEntry({ resolution: { status: 'ambiguous', matches: [{ cluster: rich, matchedRefs: [] }, { cluster: plain, matchedRefs: [] }] }, freshUntil: 1 });
    expect(refs.sort()).toEqual(['salesforce/003A', 'shopify/5', 'shopify/gid://shopify/Customer/9', 'zendesk/77', 'zendesk/78']);
  });
});
