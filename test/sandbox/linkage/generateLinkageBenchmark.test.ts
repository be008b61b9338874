import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFileRecords, parseCsv } from '../../../src/adapters/file/index.js';
import { loadConfig } from '../../../src/config.js';
import { DEFAULT_LINKAGE_SOURCES, generateLinkageBenchmark, writeLinkageBenchmark, type LinkageBenchmark } from '../../../src/sandbox/linkage/index.js';

type Table = Array<Record<string, string>>;
function table(text: string): Table {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.fields.map((name, i) => [name, row.fields[i]!])));
}
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
const file = (b: LinkageBenchmark, name: string): string => b.files.find((f) => f.name === name)!.text;

const bench = generateLinkageBenchmark({ size: 1_000, seed: 11 });
const people = table(file(bench, 'people.csv'));
const truth = table(file(bench, 'truth.csv'));

describe('generateLinkageBenchmark: determinism', () => {
  it('gives byte-identical files for the same seed and options', () => {
    const again = generateLinkageBenchmark({ size: 1_000, seed: 11 });
    expect(again.files.map((f) => f.name)).toEqual(bench.files.map((f) => f.name));
    for (const f of bench.files) expect(file(again, f.name)).toBe(f.text);
  });

  it('gives different data for another seed', () => {
    const other = generateLinkageBenchmark({ size: 1_000, seed: 12 });
    expect(file(other, 'crm.csv')).not.toBe(file(bench, 'crm.csv'));
    expect(file(other, 'people.csv')).not.toBe(file(bench, 'people.csv'));
  });
});

describe('generateLinkageBenchmark: sources and truth', () => {
  it('writes each source with its own columns', () => {
    expect(parseCsv(file(bench, 'crm.csv'))[0]!.fields).toEqual(['contact_id', 'first_name', 'last_name', 'email', 'phone', 'mailing_street', 'mailing_city', 'mailing_state', 'mailing_postal_code', 'birthdate']);
    expect(parseCsv(file(bench, 'shop.csv'))[0]!.fields).toEqual(['customer_id', 'first_name', 'last_name', 'email', 'phone', 'address1', 'city', 'province_code', 'zip']);
    expect(parseCsv(file(bench, 'support.csv'))[0]!.fields).toEqual(['user_id', 'name', 'email', 'phone']);
  });

  it('labels every source record exactly once with a person who exists', () => {
    const personIds = new Set(people.map((p) => p.person_id));
    const labelled = new Map(truth.map((t) => [`${t.source}/${t.record_id}`, t.person_id]));
    expect(labelled.size).toBe(truth.length);
    let records = 0;
    for (const spec of DEFAULT_LINKAGE_SOURCES) {
      const rows = table(file(bench, `${spec.name}.csv`));
      records += rows.length;
      expect(rows.length).toBe(bench.summary.records[spec.name]);
      for (const row of rows) expect(personIds.has(labelled.get(`${spec.name}/${row[spec.columns.id]}`)!)).toBe(true);
    }
    expect(records).toBe(truth.length);
    // Every person is somewhere; the summary's pair count matches the truth.
    const perPerson = new Map<string, number>();
    for (const t of truth) perPerson.set(t.person_id!, (perPerson.get(t.person_id!) ?? 0) + 1);
    expect(perPerson.size).toBe(1_000);
    expect([...perPerson.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0)).toBe(bench.summary.truePairs);
    expect(Object.values(bench.summary.peopleBySourceCount).reduce((a, b) => a + b, 0)).toBe(1_000);
  });

  it('spreads people over one, two and three sources and duplicates some within a source', () => {
    const counts = bench.summary.peopleBySourceCount;
    for (const n of ['1', '2', '3']) expect(counts[n]).toBeGreaterThan(100);
    for (const spec of DEFAULT_LINKAGE_SOURCES) {
      const perPerson = new Map<string, number>();
      for (const t of truth.filter((t) => t.source === spec.name)) perPerson.set(t.person_id!, (perPerson.get(t.person_id!) ?? 0) + 1);
      const duplicated = [...perPerson.values()].filter((n) => n > 1).length;
      expect(duplicated).toBe(bench.summary.duplicatedWithinSource[spec.name]);
      expect(duplicated / perPerson.size).toBeGreaterThan(spec.duplicateRate / 2);
      expect(duplicated / perPerson.size).toBeLessThan(spec.duplicateRate * 2);
    }
  });

  it('corrupts records with every kind of error, and leaves some records clean', () => {
    const kinds = new Set(truth.flatMap((t) => (t.errors ? t.errors.split(';').map((e) => e.split(':')[0]) : [])));
    expect([...kinds].sort()).toEqual(['blank', 'date', 'email', 'houseNumber', 'moved', 'nameSwap', 'nickname', 'ocr', 'phone', 'phonetic', 'streetType', 'streetTypo', 'typo']);
    const clean = truth.filter((t) => t.errors === '').length / truth.length;
    expect(clean).toBeGreaterThan(0.2);
    expect(clean).toBeLessThan(0.5);
  });

  it('makes a few surnames very common (Zipf-like)', () => {
    const [top, second] = bench.summary.topSurnames;
    expect(top![1]).toBeGreaterThan(30);
    expect(top![1]).toBeGreaterThan(second![1]);
    expect(new Set(people.map((p) => p.family_name)).size).toBeGreaterThan(150);
  });
});

describe('generateLinkageBenchmark: households, twins and namesakes', () => {
  it.each([
    [0.2, 0.04, 0.02],
    [0.5, 0.1, 0.06],
    [0, 0, 0],
  ])('puts exactly round(rate × size) people in households (%s), namesakes (%s) and twins (%s)', (householdRate, namesakeRate, twinRate) => {
    const b = generateLinkageBenchmark({ size: 1_000, seed: 3, householdRate, namesakeRate, twinRate });
    expect(b.summary.peopleInHouseholds).toBe(Math.round(householdRate * 1_000));
    expect(b.summary.namesakes).toBe(Math.round(namesakeRate * 1_000));
    expect(b.summary.twins).toBe(Math.round(twinRate * 1_000));
    expect(b.people.filter((p) => p.householdId !== null)).toHaveLength(b.summary.peopleInHouseholds);
  });

  it('household members share surname, address and phone but not given name or (except twins) birth date', () => {
    const byHousehold = groupBy(bench.people.filter((p) => p.householdId), (p) => p.householdId!);
    expect(byHousehold.size).toBe(bench.summary.households);
    let sharedEmail = 0;
    for (const members of byHousehold.values()) {
      expect(members.length).toBeGreaterThanOrEqual(2);
      expect(members.length).toBeLessThanOrEqual(4);
      expect(new Set(members.map((m) => m.familyName)).size).toBe(1);
      expect(new Set(members.map((m) => JSON.stringify(m.residence))).size).toBe(1);
      expect(new Set(members.map((m) => m.phone)).size).toBe(1);
      expect(new Set(members.map((m) => m.givenName)).size).toBe(members.length);
      if (new Set(members.map((m) => m.email)).size === 1) sharedEmail++;
      for (const m of members) if (m.twinOf) expect(members.find((t) => t.personId === m.twinOf)!.birthDate).toEqual(m.birthDate);
    }
    expect(sharedEmail / byHousehold.size).toBeGreaterThan(0.15);
    expect(sharedEmail / byHousehold.size).toBeLessThan(0.45);
  });

  it('namesakes share given and family name with another person, and nothing that identifies them', () => {
    const byId = new Map(bench.people.map((p) => [p.personId, p]));
    const namesakes = bench.people.filter((p) => p.namesakeOf);
    expect(namesakes).toHaveLength(40);
    for (const n of namesakes) {
      const other = byId.get(n.namesakeOf!)!;
      expect([n.givenName, n.familyName]).toEqual([other.givenName, other.familyName]);
      expect(n.birthDate.year).not.toBe(other.birthDate.year);
      expect(n.email).not.toBe(other.email);
      expect(n.householdId).toBeNull();
    }
  });

  it('gives every person their own email unless their household shares one', () => {
    const owners = groupBy(bench.people, (p) => p.email);
    for (const [, holders] of owners) if (holders.length > 1) expect(new Set(holders.map((h) => h.householdId ?? h.personId)).size).toBe(1);
  });
});

describe('generateLinkageBenchmark: options', () => {
  it.each([
    [{ size: 0 }, /size/],
    [{ householdRate: 1.5 }, /householdRate/],
    [{ namesakeRate: -0.1 }, /namesakeRate/],
    [{ nameZipfExponent: 9 }, /nameZipfExponent/],
    [{ sources: [] }, /sources/],
  ])('rejects %j with a RangeError naming the option', (options, message) => {
    expect(() => generateLinkageBenchmark(options)).toThrow(RangeError);
    expect(() => generateLinkageBenchmark(options)).toThrow(message);
  });
});

describe('writeLinkageBenchmark: files and config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'c360-linkage-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the files and a config that c360 validates and loads without a bad row', async () => {
    const written = await writeLinkageBenchmark(join(dir, 'out'), { size: 300, seed: 5 });
    expect(written.paths.map((p) => p.slice(written.dir.length + 1))).toEqual(['crm.csv', 'shop.csv', 'support.csv', 'truth.csv', 'people.csv', 'manifest.json', 'c360.linkage.yaml']);
    expect(JSON.parse(readFileSync(join(written.dir, 'manifest.json'), 'utf8'))).toEqual(written.summary);
    const config = loadConfig(written.configPath, {});
    expect(config.sources.map((s) => [s.name, s.kind])).toEqual([['crm', 'file'], ['shop', 'file'], ['support', 'file']]);
    for (const source of config.sources) {
      const loaded = await loadFileRecords(source.file!);
      expect(loaded.badRows).toEqual([]);
      expect(loaded.records).toHaveLength(written.summary.records[source.name]!);
    }
    const crm = (await loadFileRecords(config.sources[0]!.file!)).records;
    expect(crm.some((r) => r.emails.length > 0 && r.phones.length > 0 && r.addresses[0]?.line1)).toBe(true);
    const support = (await loadFileRecords(config.sources[2]!.file!)).records;
    expect(support.every((r) => r.addresses.length === 0 && r.birthDate === null)).toBe(true);
    expect(support.filter((r) => r.names[0]?.full).length).toBeGreaterThan(support.length * 0.9);
  });
});
