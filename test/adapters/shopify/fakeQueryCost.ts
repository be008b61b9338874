import { getOperationAST, getVariableValues, Kind, parse, validate, type FragmentDefinitionNode } from 'graphql';
import { analyzeQuery, buildShopifySchema } from '../../../src/sandbox/shopify/index.js';

const schema = buildShopifySchema();

/**
 * The requested cost the sandbox computes for a query, so tests can check the adapter's own cost
 * arithmetic against the fake's. Throws when the query does not validate against the sandbox schema.
 */
export function fakeQueryCost(query: string, variables: Record<string, unknown>): number {
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length > 0) throw errors[0];
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no single operation');
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0];
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  const analysis = analyzeQuery(schema, operation, fragments, coerced.coerced);
  if (analysis.errors.length > 0) throw analysis.errors[0];
  return analysis.cost;
}

/** The cost of a logged request body (`{query, variables}`) as the sandbox computes it. */
export function loggedRequestCost(body: string): number {
  const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
  return fakeQueryCost(query, variables);
}
