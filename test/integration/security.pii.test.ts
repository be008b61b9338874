import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxPerson } from '../../src/sandbox/dataset/types.js';
import { asRole, postAs, securityAuthConfig, type TestRole } from '../security/securityFixture.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

let t: TestGateway;

/** A target person with the PII values the sources hold for them (planted in the sandbox dataset). */
interface Target {
  readonly person: SandboxPerson;
  readonly email: string;
  /** Strings none of them may appear in a response to a role without `pii:read`. */
  readonly planted: readonly string[];
  /** Whole-word values (names) checked with word boundaries. */
  readonly words: readonly string[];
}
let targets: Target[];

beforeAll(async () => {
  t = await startTestGateway({ size: 60, seed: 21, auth: securityAuthConfig() });
  const ds = t.sandbox.dataset;
  const records = new Map<string, Record<string, unknown>>([
    ...ds.salesforce.contacts.map((c) => [`salesforce/${c.id}`, c as unknown as Record<string, unknown>] as const),
    ...ds.shopify.customers.map((c) => [`shopify/${c.id}`, c as unknown as Record<string, unknown>] as const),
    ...ds.zendesk.users.map((u) => [`zendesk/${u.id}`, u as unknown as Record<string, unknown>] as const),
  ]);
  targets = ds.people
    .filter((p) => p.email && p.systems.length === 3)
    .slice(0, 6)
    .map((person) => {
      const held = ds.truth.filter((e) => e.personId === person.personId).map((e) => records.get(`${e.system}/${e.id}`) ?? {});
      const emails = held.flatMap((r) => Object.entries(r).filter(([k, v]) => /email/i.test(k) && typeof v === 'string' && v.includes('@')).map(([, v]) => (v as string).trim().toLowerCase()));
      const phones = [person.phone, ...held.flatMap((r) => Object.entries(r).filter(([k, v]) => /phone/i.test(k) && typeof v === 'string').map(([, v]) => v as string))]
        .map((p) => p.replace(/\D/g, ''))
        .filter((d) => d.length >= 7)
        .map((d) => d.slice(-7));
      return { person, email: person.email!, planted: [...new Set([person.email!.toLowerCase(), ...emails, ...phones, person.address.line1, person.birthDate])], words: [person.familyName, person.givenName].filter((w) => w.length >= 4) };
    });
});
afterAll(async () => {
  await t?.close();
});

/** Selections on Customer, PII and not, nested as deep as the schema goes. */
const SELECTIONS = [
  'id',
  'displayName',
  'names { given family full primary sources { source id } }',
  'emails { value primary sources { source id } }',
  'phones { value primary }',
  'addresses { line1 city region postcode country }',
  'identity { anchor { source id } links { source id rule matchedOn { attribute level } } candidates { source id reason } }',
  'orders(first: 3) { totalCount nodes { number total { amount currencyCode } lineItems { title } } }',
  'tickets(first: 3) { nodes { subject status } }',
  'activities(first: 3) { nodes { subject kind } }',
  'profile { name { value chosen { value provenance { source masked } } runnersUp { value } } email { value runnersUp { value holders { source } } } phone { value } address { value } birthDate { value reason } }',
  'timeline(first: 5) { nodes { title kind provenance { masked } } }',
  'metrics { orderCount lifetimeValue { amount } }',
  'segments { name reason }',
  'consent { channel status statements { sourceValue } }',
  'dataQuality { completeness missing conflicts { field chosen values { value sources { source } } } }',
];

const ROLES: ReadonlyArray<{ role: TestRole; purpose?: string }> = [{ role: 'agent' }, { role: 'analyst' }, { role: 'analyst', purpose: 'marketing' }, { role: 'marketer', purpose: 'marketing' }];

function queryFor(entry: 'lookup' | 'candidates', selection: string): string {
  return entry === 'lookup'
    ? `query($q: String!) { customerLookup(query: $q) { status key { kind } customer { ${selection} } } }`
    : `query($q: String!) { customerLookup(query: $q) { candidates { reason matchedRecords { source id } customer { ${selection} } } } }`;
}

describe('security: no role receives PII it may not see (fast-check over generated queries)', () => {
  it('never returns a planted value in full to agent, analyst or marketer, whatever fields they ask for', async () => {
    let answered = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROLES),
        fc.integer({ min: 0, max: 5 }),
        fc.subarray(SELECTIONS, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('lookup' as const, 'candidates' as const),
        async ({ role, purpose }, index, selections, entry) => {
          const target = targets[index % targets.length]!;
          const res = await postAs(t, { ...asRole(role), ...(purpose ? { 'x-c360-purpose': purpose } : {}) }, queryFor(entry, selections.join(' ')), { q: target.email });
          expect(res.status).toBeLessThan(500);
          runs += 1;
          if (/"customer":\{"/.test(res.text)) answered += 1;
          // No planted value anywhere in the body: not in data, not in error messages.
          const text = res.text.toLowerCase();
          for (const value of target.planted) expect(text, `${role} got ${value}`).not.toContain(value.toLowerCase());
          for (const word of target.words) expect(res.text, `${role} got ${word}`).not.toMatch(new RegExp(`\\b${word}\\b`));
        },
      ),
      { numRuns: 60, seed: 6 },
    );
    // Some runs returned customer data, so the property saw real answers, not only refusals. (A refused
    // non-null field nulls its nearest nullable parent, so many mixed selections end with customer null.)
    expect(runs).toBe(60);
    expect(answered).toBeGreaterThanOrEqual(5);
  });

  it('returns the same planted values to admin (the check above can fail)', async () => {
    const target = targets[0]!;
    const res = await postAs(t, asRole('admin'), queryFor('lookup', SELECTIONS.join(' ')), { q: target.email });
    expect(res.text.toLowerCase()).toContain(target.email.toLowerCase());
    expect(res.text).toMatch(new RegExp(`\\b${target.person.familyName}\\b`));
  });
});
