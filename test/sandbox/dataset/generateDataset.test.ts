import { describe, expect, it } from 'vitest';
import { generateDataset, type SandboxDataset } from '../../../src/sandbox/dataset/index.js';
import { indexDataset } from './indexDataset.js';

const DEFAULT_NOW = '2026-11-01T00:00:00.000Z';
const DAY_MS = 86_400_000;
const dataset = generateDataset();

describe('generateDataset: determinism', () => {
  it('returns deep-equal datasets for equal options', () => {
    expect(generateDataset({ seed: 7, size: 300 })).toEqual(generateDataset({ seed: 7, size: 300 }));
  });

  it('applies the documented defaults', () => {
    expect(generateDataset({ size: 1000, seed: 42, now: DEFAULT_NOW })).toEqual(dataset);
    expect([dataset.size, dataset.seed, dataset.now, dataset.people.length]).toEqual([1000, 42, DEFAULT_NOW, 1000]);
  });

  it('differs for a different seed', () => {
    const a = generateDataset({ seed: 1, size: 100 });
    const b = generateDataset({ seed: 2, size: 100 });
    const phones = (d: SandboxDataset) => d.people.map((p) => p.phone);
    expect(phones(a)).not.toEqual(phones(b));
    expect(a.people.map((p) => p.familyName)).not.toEqual(b.people.map((p) => p.familyName));
  });

  it('is plain data that survives a JSON round trip', () => {
    expect(JSON.parse(JSON.stringify(dataset))).toEqual(dataset);
  });

  it('generates history back from the given now', () => {
    const shifted = generateDataset({ size: 50, now: '2030-01-15T12:00:00+02:00' });
    expect(shifted.now).toBe('2030-01-15T10:00:00.000Z');
    const created = shifted.shopify.orders.map((o) => Date.parse(o.createdAt));
    expect(Math.max(...created)).toBeLessThanOrEqual(Date.parse(shifted.now));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(Date.parse(shifted.now) - 730 * DAY_MS);
  });
});

describe('generateDataset: options', () => {
  it.each([1, 2, 250])('generates exactly %i people', (size) => {
    const small = generateDataset({ size });
    expect(small.people).toHaveLength(size);
    expect(small.people.every((p) => p.systems.length > 0)).toBe(true);
  });

  it.each([
    ['size', { size: 0 }, '0'],
    ['size', { size: 100_001 }, '100001'],
    ['size', { size: 1.5 }, '1.5'],
    ['size', { size: Number.NaN }, 'NaN'],
    ['size', { size: '10' }, "'10'"],
    ['seed', { seed: 2.5 }, '2.5'],
    ['seed', { seed: -1 }, '-1'],
    ['seed', { seed: 2 ** 32 }, '4294967296'],
    ['seed', { seed: '42' }, "'42'"],
    ['now', { now: 'yesterday' }, "'yesterday'"],
    ['now', { now: '2026-02-30T00:00:00Z' }, "'2026-02-30T00:00:00Z'"],
    ['now', { now: '2026-11-01' }, "'2026-11-01'"],
    ['now', { now: 1_700_000_000_000 }, '1700000000000'],
  ])('rejects a bad %s (%j) with a TypeError showing the value', (name, options, shown) => {
    const call = () => generateDataset(options as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow(`options.${name}`);
    expect(call).toThrow(shown);
  });

  it('rejects options that are not an object', () => {
    expect(() => generateDataset(null as never)).toThrow(/options must be an object, got null/);
  });
});

describe('generateDataset: people', () => {
  const { people } = dataset;

  it('numbers people p0001... in order', () => {
    expect(people.map((p) => p.personId).slice(0, 3)).toEqual(['p0001', 'p0002', 'p0003']);
    expect(people.at(-1)?.personId).toBe('p1000');
  });

  it('gives each person a unique fictional E.164 phone', () => {
    expect(people.every((p) => /^\+1(415|212|312|617|206|213|305|404|512|303|702|503|602|215|713|612)555(01\d\d|0[2-9]\d\d|[1-9]\d{3})$/.test(p.phone))).toBe(true);
    expect(new Set(people.map((p) => p.phone)).size).toBe(people.length);
  });

  it('uses only reserved example domains and lower-case emails', () => {
    const emails = people.flatMap((p) => (p.email === null ? [] : [p.email]));
    const domains = new Set(emails.map((e) => e.split('@')[1]));
    expect([...domains].every((d) => d !== undefined && /(^|\.)example(\.(com|org|net))?$/.test(d))).toBe(true);
    expect(emails.every((e) => e === e.toLowerCase() && /^[a-z0-9._]+@[a-z.]+$/.test(e))).toBe(true);
  });

  it('gives most people an email and a few none', () => {
    const without = people.filter((p) => p.email === null).length;
    expect(without).toBeGreaterThan(0);
    expect(without).toBeLessThan(people.length * 0.1);
  });

  it('keeps ages between 18 and 85 at now', () => {
    const ages = people.map((p) => (Date.parse(DEFAULT_NOW) - Date.parse(p.birthDate)) / (365.25 * DAY_MS));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThan(86);
  });

  it('gives everyone a US address with a state code and 5-digit zip', () => {
    expect(people.every((p) => /^[A-Z]{2}$/.test(p.address.region) && /^\d{5}$/.test(p.address.postcode))).toBe(true);
    expect(people.every((p) => p.address.country === 'US' && p.address.line1.length > 0 && p.address.city.length > 0)).toBe(true);
  });

  it('puts about 55% of people in all three systems and everyone in at least one', () => {
    const all = people.filter((p) => p.systems.length === 3).length / people.length;
    expect(all).toBeGreaterThan(0.5);
    expect(all).toBeLessThan(0.6);
    expect(people.filter((p) => p.systems.length === 1).length).toBeGreaterThan(0);
  });
});

describe('generateDataset: ground truth', () => {
  const recordKeys = [
    ...dataset.salesforce.contacts.map((r) => `salesforce/Contact/${r.id}`),
    ...dataset.shopify.customers.map((r) => `shopify/Customer/${r.id}`),
    ...dataset.zendesk.users.map((r) => `zendesk/User/${r.id}`),
  ];

  it('has exactly one entry per Contact, Customer and User and nothing else', () => {
    const truthKeys = dataset.truth.map((e) => `${e.system}/${e.recordType}/${e.id}`);
    expect(new Set(truthKeys).size).toBe(truthKeys.length);
    expect([...truthKeys].sort()).toEqual([...recordKeys].sort());
  });

  it('maps records only to people who list that system', () => {
    const index = indexDataset(dataset);
    const systemsSeen = new Map<string, Set<string>>();
    for (const entry of dataset.truth) {
      expect(index.personById.get(entry.personId)?.systems).toContain(entry.system);
      systemsSeen.set(entry.personId, (systemsSeen.get(entry.personId) ?? new Set()).add(entry.system));
    }
    expect(dataset.people.every((p) => [...(systemsSeen.get(p.personId) ?? [])].sort().join() === [...p.systems].sort().join())).toBe(true);
  });
});

describe('generateDataset: timestamps', () => {
  const { salesforce: sf, shopify, zendesk } = dataset;
  const pairs: Array<[string, string, string | null]> = [
    ...sf.accounts.map((r): [string, string, string] => ['account', r.createdDate, r.lastModifiedDate]),
    ...sf.contacts.map((r): [string, string, string] => ['contact', r.createdDate, r.lastModifiedDate]),
    ...sf.cases.map((r): [string, string, string] => ['case', r.createdDate, r.lastModifiedDate]),
    ...sf.cases.map((r): [string, string, string | null] => ['case closed', r.createdDate, r.closedDate]),
    ...sf.tasks.map((r): [string, string, string] => ['task', r.createdDate, r.lastModifiedDate]),
    ...shopify.customers.map((r): [string, string, string] => ['customer', r.createdAt, r.updatedAt]),
    ...shopify.orders.map((r): [string, string, string] => ['order', r.createdAt, r.updatedAt]),
    ...shopify.orders.map((r): [string, string, string] => ['order processed', r.createdAt, r.processedAt]),
    ...shopify.orders.map((r): [string, string, string | null] => ['order cancelled', r.createdAt, r.cancelledAt]),
    ...zendesk.users.map((r): [string, string, string] => ['user', r.createdAt, r.updatedAt]),
    ...zendesk.tickets.map((r): [string, string, string] => ['ticket', r.createdAt, r.updatedAt]),
  ];
  const startMs = Date.parse(DEFAULT_NOW) - 730 * DAY_MS;
  const inWindow = (iso: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(iso) && Date.parse(iso) >= startMs && Date.parse(iso) <= Date.parse(DEFAULT_NOW);

  it('writes every timestamp as UTC with milliseconds within the 2 years before now', () => {
    const bad = pairs.flatMap(([kind, a, b]) => [a, b].filter((t) => t !== null && !inWindow(t)).map((t) => `${kind} ${t}`));
    expect(pairs.length).toBeGreaterThan(10_000);
    expect(bad).toEqual([]);
  });

  it('never updates, closes or cancels before creation', () => {
    expect(pairs.filter(([, created, later]) => later !== null && later < created)).toEqual([]);
  });

  it('keeps task activity dates in the window', () => {
    const dates = sf.tasks.map((t) => t.activityDate);
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect(dates.every((d) => d >= new Date(startMs).toISOString().slice(0, 10) && d <= DEFAULT_NOW.slice(0, 10))).toBe(true);
  });
});
