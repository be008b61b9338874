import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    // email); P07 (name only, score 13.9 < 16) is a candidate; P11 and P12 stay apart.
    expect(f).toMatchObject({ predictedPairs: 11, truePositives: 9, precision: 0.8182, recall: 0.75, f1: 0.7826 });
    expect(f).toMatchObject({ pairsLeftAsCandidates: 1, overMergedClusters: 1, overMergedRecords: 3, underLinkedPersons: 3, underLinkedRecords: 6 });
    // Below the default threshold P07 links; at 1000 only deterministic (email) links are left, so P08 drops
    // to a candidate too.
    expect(evaluation.sweep.map((r) => [r.linkThreshold, r.truePositives, r.pairsLeftAsCandidates])).toEqual([
      [12, 10, 0],
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
