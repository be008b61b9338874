import { getOperationAST, getVariableValues, Kind, parse, validate, type FragmentDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../../src/sandbox/shopify/analyzeQuery.js';
import { buildShopifySchema } from '../../../src/sandbox/shopify/buildShopifySchema.js';

const schema = buildShopifySchema();
const C = '"gid://shopify/Customer/1"';

function analyze(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0];
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return analyzeQuery(schema, operation, fragments, coerced.coerced);
}

describe('analyzeQuery: requested cost', () => {
  const cases: Array<[string, string, Record<string, unknown>, number]> = [
    ['scalars on one object', `{ customer(id: ${C}) { id firstName tags } }`, {}, 1],
    ['nested objects', `{ customer(id: ${C}) { amountSpent { amount } defaultAddress { city } } }`, {}, 3],
    ['a connection of nodes', '{ customers(first: 10) { nodes { id } } }', {}, 12],
    ['nested objects per node', '{ customers(first: 10) { nodes { id defaultEmailAddress { emailAddress } } } }', {}, 22],
    ['edges and pageInfo', '{ customers(first: 10) { edges { cursor node { id } } pageInfo { hasNextPage } } }', {}, 12],
    ['last instead of first', '{ customers(last: 4) { nodes { id } } }', {}, 6],
    ['only pageInfo', '{ customers(first: 100) { pageInfo { hasNextPage } } }', {}, 2],
    ['nested connections multiply', '{ customers(first: 5) { nodes { orders(first: 10) { nodes { lineItems(first: 3) { nodes { id } } } } } } }', {}, 317],
    ['nodes per id', '{ nodes(ids: ["a", "b", "c"]) { id } }', {}, 3],
    ['nodes with the costliest type', '{ nodes(ids: ["a", "b", "c"]) { ... on Customer { defaultEmailAddress { emailAddress } } ... on Order { id } } }', {}, 6],
    ['variables', 'query($n: Int!, $ids: [ID!]!) { customers(first: $n) { nodes { id } } nodes(ids: $ids) { id } }', { n: 100, ids: ['a', 'b'] }, 104],
    ['@skip and @include', '{ customers(first: 10) { nodes { id defaultAddress @skip(if: true) { city } amountSpent @include(if: false) { amount } } } }', {}, 12],
    ['fragments', `query { customer(id: ${C}) { ...F } } fragment F on Customer { defaultEmailAddress { emailAddress } }`, {}, 2],
    ['aliases count twice', `{ a: customer(id: ${C}) { id } b: customer(id: ${C}) { id } }`, {}, 2],
    ['introspection is free', '{ __typename }', {}, 0],
  ];

  it.each(cases)('costs %s', (_name, query, variables, expected) => {
    const result = analyze(query, variables);
    expect(result.errors).toEqual([]);
    expect(result.cost).toBe(expected);
  });
});

describe('analyzeQuery: argument errors', () => {
  const cases: Array<[string, string, string, readonly (string | number)[]]> = [
    ['first above 250', '{ customers(first: 251) { nodes { id } } }', 'first cannot exceed 250', ['customers']],
    ['last above 250', '{ customers(last: 300) { nodes { id } } }', 'last cannot exceed 250', ['customers']],
    ['no first or last', '{ customers { nodes { id } } }', 'you must provide one of first or last', ['customers']],
    ['nested connection without first', '{ customers(first: 1) { nodes { orders { nodes { id } } } } }', 'you must provide one of first or last', ['customers', 'nodes', 'orders']],
    ['negative first', '{ customers(first: -1) { nodes { id } } }', 'first cannot be negative', ['customers']],
    ['too many ids', `{ nodes(ids: [${Array.from({ length: 251 }, (_, i) => `"${i}"`).join(',')}]) { id } }`, 'ids cannot exceed 250', ['nodes']],
  ];

  it.each(cases)('reports %s', (_name, query, message, path) => {
    const { errors } = analyze(query);
    expect(errors.map((e) => ({ message: e.message, path: e.path }))).toEqual([{ message, path }]);
    expect(errors[0]?.locations?.[0]?.line).toBe(1);
  });

  it('accepts exactly 250', () => {
    expect(analyze('{ customers(first: 250) { nodes { id } } }')).toEqual({ cost: 252, errors: [] });
  });
});
