import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { argumentValue, simpleVariables } from '../../src/resolvers/simpleValues.js';

const operation = (text: string) => parse(text).definitions[0] as OperationDefinitionNode;
const defs = (text: string) => operation(text).variableDefinitions ?? [];

describe('simpleVariables: variables as execution will see them, or null when it cannot tell', () => {
  it('coerces built-in scalars, fills defaults and keeps absent nullable variables absent', () => {
    const d = defs('query($id: ID!, $n: Int = 10, $after: String, $all: Boolean = false, $x: Float) { a }');
    expect(simpleVariables(d, { id: 42, after: null })).toEqual({ id: '42', n: 10, after: null, all: false });
    expect(simpleVariables(d, { id: 'c1', n: 3, all: true, x: 1.5 })).toEqual({ id: 'c1', n: 3, all: true, x: 1.5 });
  });

  it('is null for what execution would refuse and for types it does not handle', () => {
    const d = defs('query($id: ID!, $n: Int) { a }');
    expect(simpleVariables(d, {})).toBeNull(); // required and missing
    expect(simpleVariables(d, { id: 'c1', n: 'ten' })).toBeNull();
    expect(simpleVariables(d, { id: 'c1', n: 2 ** 31 })).toBeNull();
    expect(simpleVariables(d, { id: 1.5 })).toBeNull();
    expect(simpleVariables(d, [1])).toBeNull();
    expect(simpleVariables(defs('query($kinds: [String!]) { a }'), { kinds: ['ORDER'] })).toBeNull();
    expect(simpleVariables(defs('query($since: Date) { a }'), { since: '2026-01-01' })).toBeNull();
    // Absent and nullable: nothing to check, whatever its type.
    expect(simpleVariables(defs('query($kinds: [String!]) { a }'), {})).toEqual({});
  });
});

describe('argumentValue', () => {
  it('reads literals and variables, falls back when absent, and is undefined for lists and objects', () => {
    const field = operation('{ orders(first: 5, after: $cursor, kinds: [ORDER], since: null) { a } }').selectionSet.selections[0] as FieldNode;
    expect(argumentValue(field, 'first', {}, 20)).toBe(5);
    expect(argumentValue(field, 'after', { cursor: 'abc' }, null)).toBe('abc');
    expect(argumentValue(field, 'after', {}, null)).toBeNull(); // variable not given: the default
    expect(argumentValue(field, 'since', {}, 'x')).toBeNull();
    expect(argumentValue(field, 'kinds', {}, null)).toBeUndefined();
    expect(argumentValue(field, 'missing', {}, 7)).toBe(7);
  });
});
