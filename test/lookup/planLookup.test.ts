import { describe, expect, it } from 'vitest';
import { planLookup, type LookupReading } from '../../src/lookup/index.js';

const kinds = (q: string, ids: string[] = ['loyaltyNumber']): string[] => {
  const plan = planLookup(q, 'US', ids);
  return plan.kind === 'invalid' ? ['invalid'] : plan.readings.map((r) => (r.kind === 'identifier' ? `identifier:${r.key.type}` : r.kind));
};
const only = (q: string): LookupReading => {
  const plan = planLookup(q, 'US', []);
  if (plan.kind !== 'readings' || plan.readings.length !== 1) throw new Error(`expected one reading for ${q}`);
  return plan.readings[0]!;
};

describe('planLookup: readings of console input', () => {
  it.each<[string, string[]]>([
    [' Jane@Example.com ', ['email']],
    ['+1 (415) 555-0100', ['phone']],
    ['#4184', ['orderNumber', 'ticketNumber']],
    ['10665', ['orderNumber', 'ticketNumber', 'identifier:loyaltyNumber']],
    ['4155550100', ['orderNumber', 'ticketNumber', 'identifier:loyaltyNumber', 'phone']],
    ['LOY-000123', ['identifier:loyaltyNumber', 'orderNumber']],
    ['Jane Doe', ['name']],
    ['Doe', ['name']],
    ["O'Brien, Mary-Kate", ['name']],
    ['', ['invalid']],
    ['%%% ???', ['invalid']],
    ['a'.repeat(400), ['invalid']],
  ])('reads %j as %j', (q, expected) => {
    expect(kinds(q)).toEqual(expected);
  });

  it('normalises email and phone keys and strips # from ticket numbers', () => {
    expect(only('Jane@Example.COM').key).toEqual({ kind: 'email', value: 'jane@example.com' });
    const plan = planLookup('# 77', 'US', []);
    expect(plan.kind === 'readings' && plan.readings.map((r) => r.key)).toEqual([
      { kind: 'orderNumber', value: '#77' },
      { kind: 'ticketNumber', value: '77' },
    ]);
  });

  it.each<[string, { family: string; given: string | null; birthDate: string | null; postcode: string | null }]>([
    ['Jane Doe', { family: 'Doe', given: 'Jane', birthDate: null, postcode: null }],
    ['Doe, Jane 1985-04-12', { family: 'Doe', given: 'Jane', birthDate: '1985-04-12', postcode: null }],
    ['Jane Doe 4/12/1985', { family: 'Doe', given: 'Jane', birthDate: '1985-04-12', postcode: null }],
    ['Jane Doe 94110-1234', { family: 'Doe', given: 'Jane', birthDate: null, postcode: '94110' }],
    ['Mary Ann Smith', { family: 'Smith', given: 'Mary Ann', birthDate: null, postcode: null }],
  ])('reads the name %j with its narrowing value', (q, want) => {
    const reading = only(q);
    if (reading.kind !== 'name') throw new Error('expected a name');
    expect({ family: reading.key.family, given: reading.key.given, birthDate: reading.birthDate, postcode: reading.postcode }).toEqual(want);
  });
});
