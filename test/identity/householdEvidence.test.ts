import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileAdapter } from '../../src/adapters/file/index.js';
import type { IdentityRecord, PostalAddress } from '../../src/domain/index.js';
import { buildClusters, createIdentityResolver, createMatcher, defaultIdentityTuning } from '../../src/identity/index.js';
import { createLoaders } from '../../src/loaders/index.js';

interface Spec {
  emails?: string[];
  phones?: string[];
  birthDate?: string | null;
  address?: Partial<PostalAddress>;
}

function person(source: string, id: string, name: string, spec: Spec = {}): IdentityRecord {
  const [given, family] = name.split(' ');
  return {
    ref: { source, id },
    names: [{ given: given ?? null, family: family ?? null, full: name }],
    emails: spec.emails ?? [],
    phones: spec.phones ?? [],
    addresses: spec.address ? [{ line1: null, city: null, region: null, postcode: null, country: null, ...spec.address }] : [],
    birthDate: spec.birthDate ?? null,
    identifiers: {},
    createdAt: null,
    updatedAt: null,
  };
}

const tuning = defaultIdentityTuning();
const options = { defaultRegion: 'US' as const, stripPlusTags: false, matcher: createMatcher(tuning), sourcePriority: ['crm', 'shop'], now: 1000 };
const home = { line1: '12 Wallaby Place', city: 'Cleveland', postcode: '44101', region: 'OH' };
const clusterCount = async (records: IdentityRecord[]) => (await buildClusters(records, options)).clusters.length;

describe('matching: what a household shares shows one household, not one person', () => {
  it('keeps two people at one address with one surname and phone apart, and caps that evidence in the explanation', async () => {
    const records = [person('crm', '1', 'Ann Smith', { phones: ['4155550101'], address: home }), person('shop', '2', 'Bob Smith', { phones: ['+14155550101'], address: home })];
    const set = await buildClusters(records, options);
    expect(set.clusters).toHaveLength(2);
    const candidate = set.clusterOf.get('crm/1')!.candidates?.find((c) => c.ref.id === '2');
    const capped = candidate?.matchedOn.find((e) => e.attribute === 'household');
    expect(capped?.level).toBe('CAPPED');
    expect(capped!.weight!).toBeLessThan(0);
    // Uncapped, the surname, address and phone alone would pass the link threshold.
    const shared = candidate!.matchedOn.filter((e) => ['familyName', 'address', 'phone', 'postcode', 'city'].includes(e.attribute)).reduce((s, e) => s + (e.weight ?? 0), 0);
    expect(shared).toBeGreaterThan(options.matcher.linkThreshold);
  });

  it('links the same person at that address when the given names agree', async () => {
    expect(await clusterCount([person('crm', '1', 'Ann Smith', { address: home }), person('shop', '2', 'Ann Smith', { address: home })])).toBe(1);
  });

  it('a higher cap lets the household evidence link again (the cap is what keeps them apart)', async () => {
    const loose = { ...options, matcher: createMatcher({ ...tuning, matching: { ...tuning.matching, householdCap: 100 } }) };
    const records = [person('crm', '1', 'Ann Smith', { phones: ['4155550101'], address: home }), person('shop', '2', 'Bob Smith', { phones: ['+14155550101'], address: home })];
    expect((await buildClusters(records, loose)).clusters).toHaveLength(1);
  });

  it('does not read a surname matched across a swapped name ("Clark Brandt" and "Kaylin Clark") as a given name', async () => {
    const records = [person('crm', '1', 'Clark Brandt', { address: home, phones: ['4155550101'] }), person('shop', '2', 'Kaylin Clark', { address: home, phones: ['4155550101'] })];
    expect(await clusterCount(records)).toBe(2);
  });

  it('counts an email shared by a household as household evidence: the member named alike links, the other does not', async () => {
    const records = [
      person('crm', '1', 'Ann Smith', { emails: ['smiths@example.net'], birthDate: '1970-01-02' }),
      person('crm', '2', 'Bob Smith', { emails: ['smiths@example.net'], birthDate: '1968-05-06' }),
      person('shop', '3', 'Ann Smith', { emails: ['smiths@example.net'] }),
    ];
    const set = await buildClusters(records, options);
    expect(set.values.shared.has('email:smiths@example.net')).toBe(true);
    expect(set.clusterOf.get('shop/3')!.links.map((l) => l.ref.id).sort()).toEqual(['1', '3']);
    expect(set.clusterOf.get('crm/2')!.links).toHaveLength(1);
  });
});

describe('matching: names alone never link', () => {
  it('leaves two records that agree only on a full name as candidates, and says why', async () => {
    const set = await buildClusters([person('crm', '1', 'Jane Doe'), person('shop', '2', 'Jane Doe')], options);
    expect(set.clusters).toHaveLength(2);
    const candidate = set.clusterOf.get('crm/1')!.candidates?.[0];
    expect(candidate?.score).toBeGreaterThanOrEqual(options.matcher.linkThreshold);
    expect(candidate?.reason).toMatch(/only the names agree/);
  });
});

describe('blocking: a generic name-prefix key is asked again with longer prefixes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'c360-prefix-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // 30 people whose surnames start with "whi" and given names with "a": the coarse key `whi`+`a` is generic.
  const crowd = Array.from({ length: 30 }, (_, i) => `C${i},Anna${String.fromCharCode(97 + (i % 26))},Whitby${i},${i + 1} Other Road,3000,Springfield`);
  const csv = `id,first,last,street,postcode,city\n${crowd.join('\n')}\nT1,Ayden,White,7 Dines Place,2506,Garran\nT2,Ayden,Whitez,Ocean Park Towers,2506,Garran\n`;
  writeFileSync(join(dir, 'people.csv'), csv);
  const adapter = createFileAdapter({ settings: { name: 'people', kind: 'file', path: join(dir, 'people.csv'), columns: { id: 'id', givenName: 'first', familyName: 'last', line1: 'street', postcode: 'postcode', city: 'city', emails: [], phones: [], identifiers: {} } } });

  it('the file source answers a prefix longer than it indexes by filtering', async () => {
    const [finer, none] = await adapter.search([{ kind: 'namePrefix', family: 'whit', given: 'ayd' }, { kind: 'namePrefix', family: 'whix', given: 'ann' }], {});
    expect((finer as IdentityRecord[]).map((r) => r.ref.id).sort()).toEqual(['T1', 'T2']);
    expect(none).toEqual([]);
  });

  it('finds a surname with a typo at its end (Whitez) through the finer pass', async () => {
    const resolver = createIdentityResolver({ sourcePriority: ['people'], maxRecordsPerKey: 20 });
    const loaders = createLoaders([adapter], { maxSearchResults: 20 });
    const resolved = await resolver.resolveRef({ source: 'people', id: 'T2' }, loaders.identityAccess);
    expect(resolved.value!.links.map((l) => l.ref.id).sort()).toEqual(['T1', 'T2']);
    resolver.close();
  });
});

describe('matching: an email local part spelt from the names adds nothing to them', () => {
  it('leaves two John Smiths with john.smith@ at two providers as candidates, but links a personal handle', async () => {
    const namesakes = [person('crm', '1', 'John Smith', { emails: ['john.smith@gmail.com'] }), person('shop', '2', 'John Smith', { emails: ['john.smith@yahoo.com'] })];
    const set = await buildClusters(namesakes, options);
    expect(set.clusters).toHaveLength(2);
    expect(set.clusterOf.get('crm/1')!.candidates?.[0]?.matchedOn).toContainEqual({ attribute: 'email', level: 'LOCAL_PART', weight: 0 });
    const handle = [person('crm', '1', 'John Smith', { emails: ['jsmith7391@gmail.com'] }), person('shop', '2', 'John Smith', { emails: ['jsmith7391@yahoo.com'] })];
    expect(await clusterCount(handle)).toBe(1);
  });
});

describe('blocking: a record with only a full name is found by name from either side', () => {
  const dir = mkdtempSync(join(tmpdir(), 'c360-fullname-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'crm.csv'), 'id,first,last,email\nC1,Richard,Johnson,richard.j.family@outlook.com\n');
  writeFileSync(join(dir, 'support.csv'), 'id,name,email\nZ1,richard johnson,richard.j.family@gmail.com\n');
  const crm = createFileAdapter({ settings: { name: 'crm', kind: 'file', path: join(dir, 'crm.csv'), columns: { id: 'id', givenName: 'first', familyName: 'last', emails: ['email'], phones: [], identifiers: {} } } });
  const support = createFileAdapter({ settings: { name: 'support', kind: 'file', path: join(dir, 'support.csv'), columns: { id: 'id', fullName: 'name', emails: ['email'], phones: [], identifiers: {} } } });

  it('indexes a full-name-only record under its first and last word, so both resolutions give one customer', async () => {
    const [found] = await support.search([{ kind: 'name', family: 'Johnson', given: 'Richard' }], {});
    expect((found as IdentityRecord[]).map((r) => r.ref.id)).toEqual(['Z1']);
    const resolver = createIdentityResolver({ sourcePriority: ['crm', 'support'] });
    const fromCrm = await resolver.resolveRef({ source: 'crm', id: 'C1' }, createLoaders([crm, support], {}).identityAccess);
    const fromSupport = await resolver.resolveRef({ source: 'support', id: 'Z1' }, createLoaders([crm, support], {}).identityAccess);
    expect(fromCrm.value!.links.map((l) => l.ref.id).sort()).toEqual(['C1', 'Z1']);
    expect(fromSupport.value!.customerId).toBe(fromCrm.value!.customerId);
    resolver.close();
  });
});
