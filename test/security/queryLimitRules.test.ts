import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { demoExamples } from '../../src/commands/demoExamples.js';
import { loadSchemaSdl } from '../../src/loadSchemaSdl.js';
import { limitsConfigSchema } from '../../src/plugins/limitsConfigSchema.js';
import { operationCosts, queryLimitRules } from '../../src/plugins/queryLimitRules.js';
import { generateDataset } from '../../src/sandbox/dataset/index.js';
import { CUSTOMER_360_FIELDS, timelineFields } from '../support/customer360Fields.js';

const schema = buildSchema(loadSchemaSdl().join('\n'));
const defaults = limitsConfigSchema.parse({});
/** The largest query we ship: the 360 query of test/integration/customer360.test.ts, with bigger pages. */
const FULL_360 = `query($q: String!) { customerLookup(query: $q) { status customer {
  id displayName names { full } emails { value primary sources { source id } } phones { value primary sources { source id } }
  addresses { line1 city region postcode country } identity { links { source id rule matchedOn { attribute level } } }
  orders(first: 20) { totalCount nodes { number createdAt total { amount currencyCode } lineItems { title quantity unitPrice { amount } } } }
  tickets(first: 20) { totalCount nodes { kind number subject status } }
  activities(first: 20) { nodes { kind subject occurredAt } }
  ${CUSTOMER_360_FIELDS}
  ${timelineFields(20)}
} candidates { reason customer { id displayName } } } }`;

const errorsOf = (query: string) => validate(schema, parse(query, { maxTokens: defaults.maxTokens }), queryLimitRules(defaults)).map((e) => e.message);

describe('queryLimitRules: defaults against our real queries', () => {
  const real = [...demoExamples(generateDataset({ size: 50, seed: 1 })).map((e) => e.query), FULL_360, getIntrospectionQuery()];

  it.each(real.map((query, i) => [i, query] as const))('accepts real query %i with headroom', (_i, query) => {
    expect(errorsOf(query)).toEqual([]);
    for (const cost of operationCosts(schema, parse(query))) expect(cost).toBeLessThanOrEqual(defaults.maxCost / 2);
  });

  it('prices the largest real query well under the cost limit', () => {
    const [cost] = operationCosts(schema, parse(FULL_360));
    expect(cost).toBeGreaterThan(100);
    expect(cost).toBeLessThan(defaults.maxCost / 2);
  });
});

describe('queryLimitRules: each limit', () => {
  it.each([
    ['maxRootFields', `{ ${Array.from({ length: 11 }, (_, i) => `s${i}: sources { name }`).join(' ')} }`],
    ['maxAliases', `{ sources { ${Array.from({ length: 16 }, (_, i) => `a${i}: name`).join(' ')} } }`],
    ['maxDirectives', `{ sources ${'@skip(if: false) '.repeat(11)}{ name } }`],
    ['maxCost', `{ customers(ids: [${Array.from({ length: 100 }, (_, i) => `"c${i}"`).join(',')}]) { orders(first: 100) { nodes { id number } } } }`],
    ['maxDepth', `{ __schema { types { fields { type { ${'ofType { '.repeat(14)}name${' }'.repeat(14)} } } } } }`],
  ])('rejects a query over %s and names the limit', (limit, query) => {
    const errors = validate(schema, parse(query), queryLimitRules(defaults));
    expect(errors.map((e) => e.extensions.limit)).toContain(limit);
  });

  it.each([16, 200])('counts each of %i nested inline fragments as a level of depth', (levels) => {
    const query = `{ ${'... on Query { '.repeat(levels)}sources { name }${' }'.repeat(levels)} }`;
    const errors = validate(schema, parse(query), queryLimitRules(defaults));
    expect(errors.map((e) => [e.extensions.limit, e.extensions.code])).toEqual([['maxDepth', 'QUERY_LIMIT_EXCEEDED']]);
    expect(errors[0]!.message).toBe('Query depth limit of 15 exceeded, found more than 15.');
  });

  it('accepts inline fragments that stay within the depth limit and counts them alongside fields', () => {
    const nested = (fragments: number) => `{ sources { ${'... on Source { '.repeat(fragments)}name${' }'.repeat(fragments)} } }`;
    // sources + name = 2 field levels; 13 fragments make 15, 14 make 16.
    expect(validate(schema, parse(nested(13)), queryLimitRules(defaults))).toEqual([]);
    expect(validate(schema, parse(nested(14)), queryLimitRules(defaults)).map((e) => e.message)).toEqual(['Query depth limit of 15 exceeded, found more than 15.']);
  });

  it('multiplies costs by page sizes: a variable page counts as 100, a missing one as 20', () => {
    const at = (first: string) => operationCosts(schema, parse(`query($n: Int) { customer(id: "x") { orders${first} { nodes { id number } } } }`))[0]!;
    expect(at('(first: 1)')).toBe(1 + 1 + 1 * (1 + 2));
    expect(at('')).toBe(1 + 1 + 20 * (1 + 2));
    expect(at('(first: $n)')).toBe(1 + 1 + 100 * (1 + 2));
  });

  it('refuses subscriptions, which the schema does not have', () => {
    expect(errorsOf('subscription { sources { name } }')).toEqual(['this schema has no subscription operations']);
  });
});
