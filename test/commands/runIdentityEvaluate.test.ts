import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runIdentityEvaluate } from '../../src/commands/runIdentityEvaluate.js';
import { ConfigError } from '../../src/config.js';

const dir = mkdtempSync(join(tmpdir(), 'c360-evaluate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A dozen synthetic people (no real data) across a CRM export and a loyalty list; `person` is the label.
// crm holds all 12; loyalty holds 12: 6 plain copies; P07 with the name only (no email, date, address: a
// candidate at the default link threshold, a link below it); P08 without the email (linked on name, date and
// address only, so not at a link threshold of 1000); P09 with a given-name typo and P10 with a surname typo,
// both with the same email; P11 sharing nothing with its CRM record but the label (a miss for any matcher);
// and a copy of P01 labelled P12 (identical records of two labelled people: an over-merge by the labels).
const people = [
  ['P01', 'Amelia', 'Hartwell', 'amelia.hartwell@example.com', '1984-03-12', '12 Orchard Lane', '30301'],
  ['P02', 'Bruno', 'Castellano', 'bruno.c@example.net', '1979-11-02', '8 Mill Road', '30302'],
  ['P03', 'Chioma', 'Okafor', 'chioma.okafor@example.org', '1991-06-25', '44 Quay Street', '30303'],
  ['P04', 'Dmitri', 'Volkov', 'd.volkov@example.com', '1966-01-30', '3 Birch Avenue', '30304'],
  ['P05', 'Esme', 'Lindqvist', 'esme.l@example.net', '2000-09-09', '19 Harbour View', '30305'],
  ['P06', 'Farid', 'Haddad', 'farid.haddad@example.com', '1973-12-18', '7 Cedar Close', '30306'],
  ['P07', 'Greta', 'Nyberg', 'greta.nyberg@example.org', '1988-04-04', '210 Station Road', '30307'],
  ['P08', 'Hiroshi', 'Tanabe', 'h.tanabe@example.com', '1959-07-21', '5 Willow Walk', '30308'],
  ['P09', 'Ingrid', 'Solberg', 'ingrid.solberg@example.net', '1995-02-14', '61 Kings Row', '30309'],
  ['P10', 'Jonathan', 'Whitcombe', 'j.whitcombe@example.com', '1982-10-10', '90 Elm Street', '30310'],
  ['P11', 'Kalani', 'Mahoe', 'kalani.mahoe@example.org', '1970-05-05', '14 Reef Drive', '30311'],
  ['P12', 'Lorenzo', 'Bellini', 'lorenzo.bellini@example.net', '1999-08-08', '2 Piazza Court', '30312'],
];
const header = 'id,first,last,email,dob,street,zip,person';
const row = (id: string, p: string[], label = p[0]!) => [id, ...p.slice(1), label].join(',');
const crm = [header, ...people.map((p, i) => row(`C${i + 1}`, p))];
const loyalty = [
  header,
  ...people.slice(0, 6).map((p, i) => row(`L${i + 1}`, p)),
  row('L7', ['P07', 'Greta', 'Nyberg', '', '', '', '']),
  row('L8', ['P08', 'Hiroshi', 'Tanabe', '', ...people[7]!.slice(4)]),
  row('L9', ['P09', 'Ingird', ...people[8]!.slice(2)]),
  row('L10', ['P10', 'Jonathan', 'Whitcomb', ...people[9]!.slice(3)]),
  row('L11', ['P11', 'Kay', 'Morgan', 'kay.morgan@example.com', '1952-12-01', '400 Inland Road', '99999']),
  row('L12', people[0]!, 'P12'),
];
const columns = 'columns: { id: id, givenName: first, familyName: last, emails: [email], birthDate: dob, line1: street, postcode: zip }';
writeFileSync(join(dir, 'crm.csv'), `${crm.join('\n')}\n`);
writeFileSync(join(dir, 'loyalty.csv'), `${loyalty.join('\n')}\n`);
const configPath = join(dir, 'c360.yaml');
writeFileSync(
  configPath,
  `logging: { level: silent }
sources:
  - { name: crm, kind: file, path: ${JSON.stringify(join(dir, 'crm.csv'))}, ${columns} }
  - { name: loyalty, kind: file, path: ${JSON.stringify(join(dir, 'loyalty.csv'))}, ${columns} }
`,
);

const silent = () => undefined;

describe('runIdentityEvaluate: figures on a labelled synthetic set', () => {
  it('scores every labelled record from cluster columns and writes the JSON, HTML and SVG report', async () => {
    const out = join(dir, 'report');
    const lines: string[] = [];
    const evaluation = await runIdentityEvaluate({ configPath, clusterColumns: 'crm:person,loyalty:person', outDir: out, thresholds: '12,16,1000' }, (l) => lines.push(l));
    const f = evaluation.figures;
    // 24 records, 12 true pairs (one per person: C_i with L_i; L12 is labelled P12).
    expect(f).toMatchObject({ records: 24, truePairs: 12 });
    // Linked: P01's pair plus L12 (3 pairs, 1 true), P02-P06 copies, P08 (no email), P09 and P10 (typo, same
    // email); P07 (name only: names alone never link) is a candidate; P11 and P12 stay apart.
    expect(f).toMatchObject({ predictedPairs: 11, truePositives: 9, precision: 0.8182, recall: 0.75, f1: 0.7826 });
    expect(f).toMatchObject({ pairsLeftAsCandidates: 1, overMergedClusters: 1, overMergedRecords: 3, underLinkedPersons: 3, underLinkedRecords: 6 });
    // P07 stays a candidate at any threshold (names alone never link); at 1000 only deterministic (email)
    // links are left, so P08 drops to a candidate too.
    expect(evaluation.sweep.map((r) => [r.linkThreshold, r.truePositives, r.pairsLeftAsCandidates])).toEqual([
      [12, 9, 1],
      [16, 9, 1],
      [1000, 8, 2],
    ]);
    expect(evaluation.sweep[1]).toMatchObject(f);
    expect(evaluation.levelWeights.length).toBeGreaterThan(0);

    const json = JSON.parse(readFileSync(join(out, 'evaluation.json'), 'utf8')) as typeof evaluation;
    expect(json.figures).toEqual(f);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html.match(/<circle data-series="f1"/g)).toHaveLength(3);
    expect(html).not.toMatch(/<script|href=|src=/);
    expect(existsSync(join(out, 'thresholds.svg')) && existsSync(join(out, 'level-weights.svg'))).toBe(true);
    expect(lines.join('\n')).toMatch(/precision\s+0\.8182/);
    expect(lines.join('\n')).toMatch(/Threshold sweep:/);
  });
});

describe('runIdentityEvaluate: truth files', () => {
  it('scores a pairs file: every record of the named file sources is labelled, a record in no pair a person of its own', async () => {
    const truth = join(dir, 'pairs.csv');
    writeFileSync(truth, ['source,id,source,id', ...people.map((_, i) => `crm,C${i + 1},loyalty,L${i + 1}`).slice(0, 11)].join('\n'));
    const evaluation = await runIdentityEvaluate({ configPath, truthPath: truth, outDir: join(dir, 'pairs-report'), thresholds: '16' }, silent);
    // Same labels as the cluster columns except that L12 and C12 are not a pair here: 11 true pairs.
    expect(evaluation.figures).toMatchObject({ records: 24, truePairs: 11, truePositives: 9, predictedPairs: 11, overMergedClusters: 1, underLinkedPersons: 2 });
    expect(evaluation.labels).toMatch(/pairs/);
  });

  it('scores a clusters file (source,id,cluster) on the records it lists only', async () => {
    const truth = join(dir, 'clusters.csv');
    writeFileSync(truth, 'source,id,cluster\ncrm,C2,x\nloyalty,L2,x\ncrm,C3,y\nloyalty,L3,y\n');
    const evaluation = await runIdentityEvaluate({ configPath, truthPath: truth, outDir: join(dir, 'clusters-report'), thresholds: '16' }, silent);
    expect(evaluation.figures).toMatchObject({ records: 4, truePairs: 2, truePositives: 2, predictedPairs: 2, precision: 1, recall: 1 });
  });
});

describe('runIdentityEvaluate: bad input is a ConfigError naming the problem', () => {
  const pairs = join(dir, 'bad-source.csv');
  writeFileSync(pairs, 'source,id,source,id\ncrm,C1,shop,S1\n');
  it.each([
    [{ truthPath: join(dir, 'nope.csv') }, /--truth: file .*nope\.csv does not exist/],
    [{ truthPath: pairs }, /line 2: unknown source "shop" \(the config has crm, loyalty\)/],
    [{ clusterColumns: 'shop:person' }, /unknown source "shop"/],
    [{ clusterColumns: 'crm:nosuch' }, /has no column "nosuch"/],
    [{ clusterColumns: 'crm' }, /SOURCE:COLUMN/],
    [{ clusterColumns: 'crm:person', clusterPattern: 'P(\\d+' }, /--cluster-pattern: "P\(\\\\d\+" is not a valid regular expression/],
    [{ clusterColumns: 'crm:person', clusterPattern: '^Q(\\d+)' }, /no labelled records: .* \(12 rows had no label matching --cluster-pattern\)/],
    [{}, /exactly one of --truth <file> and --cluster-column/],
    [{ truthPath: pairs, clusterColumns: 'crm:person' }, /exactly one of/],
    [{ clusterColumns: 'crm:person', thresholds: '10,x' }, /--thresholds/],
  ])('%j', async (flags, message) => {
    const run = runIdentityEvaluate({ configPath, outDir: join(dir, 'never'), ...flags }, silent);
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(message);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('names a file source whose file cannot be loaded', async () => {
    const missing = join(dir, 'missing.yaml');
    writeFileSync(missing, `logging: { level: silent }\nsources:\n  - { name: crm, kind: file, path: ${JSON.stringify(join(dir, 'gone.csv'))}, columns: { id: id } }\n`);
    const truth = join(dir, 'one.csv');
    writeFileSync(truth, 'source,id,cluster\ncrm,C1,p\n');
    const run = runIdentityEvaluate({ configPath: missing, truthPath: truth, outDir: join(dir, 'never') }, silent);
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/source crm cannot be loaded: .*gone\.csv does not exist/);
  });
});

describe('cli: c360 identity evaluate', () => {
  // `npm test` builds before running tests, so this is the installed binary.
  const cli = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'identity', 'evaluate', '--config', configPath, ...args], { encoding: 'utf8', timeout: 50_000 });

  it('exits 0 with the table on stdout', () => {
    const result = run('--cluster-column', 'crm:person,loyalty:person', '--out', join(dir, 'cli-report'), '--thresholds', '16');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/true positives\s+9\n/);
    expect(existsSync(join(dir, 'cli-report', 'report.html'))).toBe(true);
  }, 60_000);

  it('exits 2 with one clear line for a bad regex, and no stack trace', () => {
    const result = run('--cluster-column', 'crm:person', '--cluster-pattern', '(');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^c360: --cluster-pattern: "\(" is not a valid regular expression/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
