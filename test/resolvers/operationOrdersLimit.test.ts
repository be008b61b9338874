import { Kind, parse, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationOrdersLimit } from '../../src/resolvers/operationOrdersLimit.js';
import { operationReadsLineItems } from '../../src/resolvers/operationReadsLineItems.js';

function info(query: string, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return { operation, fragments, variableValues } as unknown as GraphQLResolveInfo;
}

describe('operationOrdersLimit', () => {
  it.each<[string, Record<string, unknown>, number | null]>([
    ['{ customer(id: "x") { orders(first: 5) { totalCount } } }', {}, 5],
    ['{ customer(id: "x") { orders { totalCount } } }', {}, 20],
    ['{ a: customers(ids: []) { orders(first: 5) { nodes { number } } } b: customers(ids: []) { orders(first: 12) { totalCount } } }', {}, 12],
    ['query($n: Int) { customer(id: "x") { orders(first: $n) { totalCount } } }', { n: 7 }, 7],
    ['query($after: String) { customer(id: "x") { orders(first: 5, after: $after) { totalCount } } }', { after: null }, 5],
    ['query($after: String) { customer(id: "x") { orders(first: 5, after: $after) { totalCount } } }', { after: 'abc' }, null],
    ['{ customer(id: "x") { orders(first: 5, after: "abc") { totalCount } } }', {}, null],
    ['{ customer(id: "x") { orders(first: 5) { totalCount } metrics { orderCount } } }', {}, null],
    ['{ customer(id: "x") { orders(first: 5) { totalCount } ...T } } fragment T on Customer { timeline(first: 1) { totalCount } }', {}, null],
    ['{ customer(id: "x") { ... on Customer { dataQuality { completeness } } orders(first: 3) { totalCount } } }', {}, null],
    ['{ customer(id: "x") { displayName } }', {}, null],
  ])('%s %j → %s', (query, variables, expected) => {
    expect(operationOrdersLimit(info(query, variables))).toBe(expected);
  });
});

describe('operationOrdersLimit across requests of one parsed operation', () => {
  it("answers each request by its own variables where an orders argument is one, and the same for all where none is", () => {
    const byVariable = info('query($n: Int) { customer(id: "x") { orders(first: $n) { totalCount } } }');
    expect([3, 9, 3].map((n) => operationOrdersLimit({ ...byVariable, variableValues: { n } }))).toEqual([3, 9, 3]);
    const literal = info('query($id: ID!) { customer(id: $id) { orders(first: 4) { totalCount } } }');
    expect(['a', 'b'].map((id) => operationOrdersLimit({ ...literal, variableValues: { id } }))).toEqual([4, 4]);
  });
});

describe('operationReadsLineItems', () => {
  it.each<[string, boolean]>([
    ['{ customer(id: "x") { orders(first: 5) { nodes { number } } } }', false],
    ['{ customer(id: "x") { orders(first: 5) { nodes { lineItems { title } } } } }', true],
    ['{ customer(id: "x") { ...O } } fragment O on Customer { orders { nodes { ... on Order { lineItems { title } } } } }', true],
  ])('%s → %s', (query, expected) => {
    expect(operationReadsLineItems(info(query))).toBe(expected);
  });
});
