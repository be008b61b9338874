import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileAdapter, loadFileRecords, parseCsv, type FileSourceSettings } from '../../../src/adapters/file/index.js';

const dir = mkdtempSync(join(tmpdir(), 'c360-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function settings(file: string, text: string | null, extra: Partial<FileSourceSettings['columns']> = {}): FileSourceSettings {
  const path = join(dir, file);
  if (text !== null) writeFileSync(path, text);
  return { name: 'loyalty', kind: 'file', path, columns: { id: 'id', givenName: 'first', familyName: 'last', emails: ['email'], phones: ['phone'], identifiers: { loyaltyNumber: 'id' }, ...extra } };
}

describe('parseCsv: RFC 4180', () => {
  it.each([
    ['a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['a,"b, c"\n"x ""y""",2\n', [['a', 'b, c'], ['x "y"', '2']]],
    ['a,"multi\nline"\n\n1,2', [['a', 'multi\nline'], ['1', '2']]],
  ])('parses %j', (text, rows) => {
    expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
  });

  it('names the line of an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(/line 2/);
  });
});

describe('createFileAdapter: search and getByIds from the in-memory index', () => {
  const csv = 'id,first,last,email,phone\nL1,Jane,Doe,Jane@Example.com ,(415) 555-0101\nL2,Bob,Ray,,\nL3,bad\nL2,Dup,Row,,\n';
  const adapter = createFileAdapter({ settings: settings('ok.csv', csv) });

  it('finds records by normalised email, E.164 phone, family name and identifier', async () => {
    const found = await adapter.search(
      [
        { kind: 'email', value: 'jane@example.com' },
        { kind: 'phone', value: '+14155550101' },
        { kind: 'name', family: 'DOE', given: null },
        { kind: 'identifier', type: 'loyaltyNumber', value: 'L2' },
        { kind: 'email', value: 'nobody@example.com' },
      ],
      {},
    );
    expect(found.map((r) => (Array.isArray(r) ? r.map((x) => x.ref.id) : 'error'))).toEqual([['L1'], ['L1'], ['L1'], ['L2'], []]);
  });

  it('gets records by id in key order, null for unknown ids, and leaves out bad rows', async () => {
    const records = await adapter.getByIds(['L2', 'L9', 'L1', 'L3'], {});
    expect(records.map((r) => (r && !(r instanceof Error) ? r.names[0]?.given : r))).toEqual(['Bob', null, 'Jane', null]);
  });

  it.each([
    ['a missing file', settings('missing.csv', null), /does not exist/],
    ['a header without a mapped column', settings('header.csv', 'id,first,surname\n1,a,b\n'), /header lacks mapped column\(s\) last/],
  ])('fails every call with SOURCE_UNAVAILABLE for %s', async (_label, s, message) => {
    const broken = createFileAdapter({ settings: s });
    await expect(broken.getByIds(['1'], {})).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', message: expect.stringMatching(message) });
  });

  it('reads JSON Lines and reports a bad line by number', async () => {
    const logged: string[] = [];
    const logger = { error: (_o: unknown, msg: string) => logged.push(msg), info: () => undefined } as never;
    const jsonl = createFileAdapter({ settings: settings('a.jsonl', '{"id":"J1","first":"Ann","last":"Lee"}\nnot json\n'), logger });
    const [record] = await jsonl.getByIds(['J1'], {});
    expect(record).toMatchObject({ ref: { source: 'loyalty', id: 'J1' } });
    expect(logged.some((m) => m.includes('row 2'))).toBe(true);
  });

  it('reads only the own keys of a JSON line: a column named after an Object.prototype property is empty when absent', async () => {
    const logger = { error: () => undefined, info: () => undefined } as never;
    const jsonl = createFileAdapter({ settings: settings('proto.jsonl', '{"id":"J2","first":"Ann","last":"Lee"}\n', { givenName: 'constructor', familyName: 'toString' }), logger });
    const [record] = await jsonl.getByIds(['J2'], {});
    expect(record).toMatchObject({ ref: { id: 'J2' }, names: [] });
  });
});

describe('createFileAdapter: every blocking-key kind, capped', () => {
  const rows = Array.from({ length: 30 }, (_, i) => `S${i},Mary,Smith,1960-02-0${1 + (i % 9)},12 Wallaby Place,2119`);
  const csv = `id,first,last,birth,street,postcode\n${rows.join('\n')}\nT1,Jon,Thompson,19560409,7 Wallaby Pl,2119\n`;
  const adapter = createFileAdapter({ settings: { ...settings('kinds.csv', csv), columns: { id: 'id', givenName: 'first', familyName: 'last', birthDate: 'birth', line1: 'street', postcode: 'postcode', emails: [], phones: [], identifiers: {} } } });

  it('finds a record by phonetic name, name prefix, birth date (also YYYYMMDD) and postcode + street prefix', async () => {
    const found = await adapter.search(
      [
        { kind: 'namePhonetic', family: 'TMPSN', given: null },
        { kind: 'namePrefix', family: 'tho', given: 'j' },
        { kind: 'birthDate', value: '1956-04-09' },
        { kind: 'postcodeStreet', postcode: '2119', street: '7 wal' },
      ],
      {},
    );
    expect(found.map((r) => (Array.isArray(r) ? r.map((x) => x.ref.id) : 'error'))).toEqual([['T1'], ['T1'], ['T1'], ['T1']]);
  });

  it('returns maxSearchResults + 1 records for a key held by more, so the caller sees it is generic', async () => {
    const [all] = await adapter.search([{ kind: 'name', family: 'smith', given: null }], {});
    const [capped] = await adapter.search([{ kind: 'name', family: 'smith', given: null }], { maxSearchResults: 20 });
    expect((all as unknown[]).length).toBe(30);
    expect((capped as unknown[]).length).toBe(21);
  });
});

describe('loadFileRecords: a header and rows with a space after each comma (as FEBRL exports have)', () => {
  it('maps the columns by their trimmed names and trims the values', async () => {
    const loaded = await loadFileRecords(settings('spaced.csv', 'id, first, last, email, phone\nS1, Ada, Byron, ada@example.com, \n'));
    expect(loaded.badRows).toEqual([]);
    expect(loaded.records).toHaveLength(1);
    expect(loaded.records[0]).toMatchObject({ ref: { source: 'loyalty', id: 'S1' }, names: [{ given: 'Ada', family: 'Byron' }], emails: ['ada@example.com'], phones: [] });
  });
});
