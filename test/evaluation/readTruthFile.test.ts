import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { compileClusterPattern, personsFromPairs, readTruthFile } from '../../src/evaluation/index.js';

const dir = mkdtempSync(join(tmpdir(), 'c360-truth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readTruthFile: the header decides the kind', () => {
  it('reads a clusters file (source,id,cluster), trimming values', () => {
    const truth = readTruthFile(file('c.csv', 'source, id, cluster\ncrm, C1, p1\nshop,S1,p1\n'), ['crm', 'shop']);
    expect(truth).toEqual({ kind: 'clusters', labels: new Map([['crm/C1', 'p1'], ['shop/S1', 'p1']]), sources: new Set(['crm', 'shop']) });
  });

  it('reads a pairs file (source,id,source,id)', () => {
    const truth = readTruthFile(file('p.csv', 'a_source,a_id,b_source,b_id\ncrm,C1,shop,S1\n'), ['crm', 'shop']);
    expect(truth).toEqual({ kind: 'pairs', pairs: [['crm/C1', 'shop/S1']], sources: new Set(['crm', 'shop']) });
  });

  it.each([
    ['a header of another width', 'source,id\ncrm,C1\n', /header of 3 columns .* or 4/],
    ['an empty file', '', /got an empty file/],
    ['no rows', 'source,id,cluster\n', /no rows/],
    ['a short row', 'source,id,cluster\ncrm,C1\n', /line 2: 2 fields, the header has 3/],
    ['an empty id', 'source,id,cluster\ncrm,,p\n', /line 2: empty source or id/],
    ['an unknown source', 'source,id,cluster\nerp,E1,p\n', /line 2: unknown source "erp"/],
  ])('refuses %s with a ConfigError', (_name, text, message) => {
    const path = file('bad.csv', text);
    expect(() => readTruthFile(path, ['crm'])).toThrow(ConfigError);
    expect(() => readTruthFile(path, ['crm'])).toThrow(message);
  });
});

describe('personsFromPairs: transitive closure of true pairs', () => {
  it.each([
    ['a chain joins three records', [['a', 'b'], ['b', 'c']], [], { a: 'a', b: 'a', c: 'a' }],
    ['a record in no pair is its own person', [['b', 'c']], ['a', 'b'], { a: 'a', b: 'b', c: 'b' }],
    ['two groups joined by a later pair take the smallest ref', [['x', 'y'], ['b', 'c'], ['y', 'c']], [], { b: 'b', c: 'b', x: 'b', y: 'b' }],
  ] as Array<[string, Array<[string, string]>, string[], Record<string, string>]>)('%s', (_name, pairs, records, expected) => {
    expect(Object.fromEntries(personsFromPairs(pairs, records))).toEqual(expected);
  });
});

describe('compileClusterPattern: the person from a cluster value', () => {
  it.each([
    [undefined, 'rec-552-dup-3', 'rec-552-dup-3'],
    ['rec-(\\d+)-', 'rec-552-dup-3', '552'],
    ['rec-(\\d+)-', 'rec-552-org', '552'],
    ['^\\d+', '123abc', '123'],
    ['rec-(\\d+)-', 'other', null],
  ])('pattern %j maps %j to %j', (pattern, value, person) => {
    expect(compileClusterPattern(pattern)(value)).toBe(person);
  });
});
