import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { FakeRequest, FakeResponse } from '../fakeTypes.js';
import { analyzeQuery } from './analyzeQuery.js';
import { createCostCounter } from './createCostCounter.js';
import type { LeakyBucket } from './createLeakyBucket.js';
import type { ShopifyRootValue } from './createRootValue.js';
import { costExtension, MAX_QUERY_COST, maxCostExceededResponse, missingQueryResponse, throttledResponse } from './shopifyResponses.js';

/** Internal: what the GraphQL endpoint needs. */
export interface GraphqlHandlerDeps {
  readonly schema: GraphQLSchema;
  readonly rootValue: ShopifyRootValue;
  readonly bucket: LeakyBucket;
}

interface GraphqlRequestBody {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly operationName: string | null;
}

/**
 * Serves `POST /admin/api/{version}/graphql.json` like Shopify: parse and validation errors come back as
 * HTTP 200 `errors[]`; argument caps and the 1000-point single-query limit are checked before executing;
 * the leaky bucket is charged the requested cost (THROTTLED when it holds less) and refunded the unused
 * part after executing; every executed answer carries `extensions.cost`.
 */
export function createGraphqlHandler(deps: GraphqlHandlerDeps): (req: FakeRequest) => Promise<FakeResponse> {
  const { schema, rootValue, bucket } = deps;
  const errorsOnly = (errors: readonly GraphQLError[]): FakeResponse => ({ status: 200, body: { errors: errors.map((e) => e.toJSON()) } });

  // Parsed and validated documents by query text, as a GraphQL server keeps them: the adapters send the same
  // few operations with different variables, and validation was most of this fake's CPU per call.
  const documents = new LRUCache<string, { document: DocumentNode } | { errors: readonly GraphQLError[] }>({ max: 500 });
  const parseAndValidate = (query: string): { document: DocumentNode } | { errors: readonly GraphQLError[] } => {
    const cached = documents.get(query);
    if (cached) return cached;
    let checked: { document: DocumentNode } | { errors: readonly GraphQLError[] };
    try {
      const document = parse(query);
      const errors = validate(schema, document);
      checked = errors.length > 0 ? { errors } : { document };
    } catch (error) {
      checked = { errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
    }
    documents.set(query, checked);
    return checked;
  };

  return async (req) => {
    const request = readRequestBody(req);
    if (!request) return missingQueryResponse();
    const checked = parseAndValidate(request.query);
    if ('errors' in checked) return errorsOnly(checked.errors);
    const { document } = checked;
    const operation = getOperationAST(document, request.operationName);
    if (!operation) {
      const message = request.operationName ? `Unknown operation named "${request.operationName}".` : 'Must provide operation name if query contains multiple operations.';
      return errorsOnly([new GraphQLError(message)]);
    }
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables);
    if (coerced.errors) return errorsOnly(coerced.errors);
    const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
    const analysis = analyzeQuery(schema, operation, fragments, coerced.coerced);
    if (analysis.errors.length > 0) return errorsOnly(analysis.errors);
    if (analysis.cost > MAX_QUERY_COST) return maxCostExceededResponse(analysis.cost, bucket.status());
    if (!bucket.tryTake(analysis.cost)) return throttledResponse(analysis.cost, bucket.status());

    const counter = createCostCounter();
    const result = await execute({
      schema,
      document,
      rootValue,
      variableValues: request.variables,
      operationName: request.operationName,
      fieldResolver: counter.fieldResolver,
    });
    const actual = Math.min(analysis.cost, counter.total());
    bucket.refund(analysis.cost - actual);
    const body: Record<string, unknown> = {};
    if (result.errors) body['errors'] = result.errors.map((e) => e.toJSON());
    body['data'] = result.data ?? null;
    body['extensions'] = costExtension(analysis.cost, actual, bucket.status());
    return { status: 200, body };
  };
}

/** Reads `{query, variables, operationName}` (JSON) or a raw `application/graphql` body; null without a query. */
function readRequestBody(req: FakeRequest): GraphqlRequestBody | null {
  const contentType = String(req.headers['content-type'] ?? '');
  if (contentType.includes('application/graphql')) {
    return req.body.trim() === '' ? null : { query: req.body, variables: {}, operationName: null };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { query, variables, operationName } = parsed as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return null;
  return {
    query,
    variables: typeof variables === 'object' && variables !== null && !Array.isArray(variables) ? (variables as Record<string, unknown>) : {},
    operationName: typeof operationName === 'string' ? operationName : null,
  };
}
