import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { applyAuthorization, DEFAULT_ROLES, type Principal, type Purpose, type Scope } from '../../src/auth/index.js';
import type { GatewayContext } from '../../src/context.js';
import { loadSchemaSdl } from '../../src/loadSchemaSdl.js';
import { resolvers } from '../../src/resolvers/index.js';
import { planCustomerReads } from '../../src/resolvers/planCustomerReads.js';

const schema = applyAuthorization(makeExecutableSchema({ typeDefs: loadSchemaSdl(), resolvers }));

function contextAs(role: keyof typeof DEFAULT_ROLES, purpose: Purpose | null = null): GatewayContext {
  const { scopes, purposes } = DEFAULT_ROLES[role]!;
  const principal: Principal = { subject: role, role, scopes: new Set<Scope>(scopes), purposes: new Set(purposes), method: 'apiKey' };
  return { principal, purpose: purpose ?? purposes[0] ?? null, partialErrors: [] } as unknown as GatewayContext;
}

/** Plans the root `customer` field of `text` for `context`, with `variables`. */
function plan(text: string, context: GatewayContext, variables: Record<string, unknown> = {}) {
  const document = parse(text);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]));
  const field = operation.selectionSet.selections[0] as FieldNode;
  return planCustomerReads({ schema, operation, fragments, fieldNodes: [field], variableValues: variables }, context);
}

const admin = contextAs('admin');

describe('planCustomerReads: what the Customer fields of an operation will load', () => {
  it('maps fields to record kinds, through inline and named fragments', () => {
    expect(plan('{ customer(id: "x") { id identity { anchor { id } } } }', admin)).toEqual({ records: false, orders: false, tickets: false, activities: false, allOrders: false });
    expect(plan('{ customer(id: "x") { displayName ... on Customer { tickets(first: 5) { totalCount } } ...O } } fragment O on Customer { orders { totalCount } }', admin)).toEqual({
      records: true,
      orders: true,
      tickets: true,
      activities: false,
      allOrders: false,
    });
    // The timeline and metrics read every list and every order.
    expect(plan('{ customer(id: "x") { metrics { orderCount } } }', admin)).toEqual({ records: false, orders: true, tickets: true, activities: true, allOrders: true });
  });

  it('applies @skip / @include with their variables, and gives up on what it cannot tell', () => {
    const text = 'query($o: Boolean!) { customer(id: "x") { orders @include(if: $o) { totalCount } } }';
    expect(plan(text, admin, { o: false })?.orders).toBe(false);
    expect(plan(text, admin, { o: true })?.orders).toBe(true);
    expect(plan(text, admin, {})).toBeNull(); // the variable is missing: execution would refuse it
    expect(plan('{ customer(id: "x") { ... on Query { __typename } } }', admin)).toBeNull();
  });

  it('loads nothing for fields the caller may not read, and nothing early for a consent-gated field', () => {
    const marketer = contextAs('marketer');
    expect(plan('{ customer(id: "x") { displayName orders { totalCount } tickets { totalCount } } }', marketer)).toEqual({ records: true, orders: false, tickets: false, activities: false, allOrders: false });
    // segments under the marketing purpose answer only for consenting customers: the consent is read first.
    expect(plan('{ customer(id: "x") { segments { segment } } }', contextAs('analyst', 'marketing'))).toBeNull();
  });

  it('starts nothing when a resolver would refuse the paging arguments', () => {
    const text = 'query($n: Int, $after: String) { customer(id: "x") { orders(first: $n, after: $after) { totalCount } } }';
    expect(plan(text, admin, { n: 10 })?.orders).toBe(true);
    expect(plan(text, admin, { n: 0 })).toBeNull();
    expect(plan(text, admin, { n: 10, after: 'not-a-cursor' })).toBeNull();
    expect(plan('{ customer(id: "x") { timeline(since: "yesterday") { totalCount } } }', admin)).toBeNull();
  });
});
