import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { fieldAccess } from '../auth/index.js';
import type { GatewayContext } from '../context.js';
import type { SourceRef } from '../domain/index.js';
import { decodeCustomerId } from '../identity/index.js';
import { operationOrdersLimit } from './operationOrdersLimit.js';
import { operationReadsLineItems } from './operationReadsLineItems.js';
import { planCustomerReads, type PlanInfo } from './planCustomerReads.js';
import { sourceRefOf } from './Query.js';
import { argumentValue, simpleVariables } from './simpleValues.js';

/** A `customer(id:)` or `customerBySource` operation that ran: what is needed to plan its calls again for new variables. */
interface Remembered {
  readonly schema: GraphQLSchema;
  readonly operation: OperationDefinitionNode;
  readonly fragments: Record<string, FragmentDefinitionNode>;
  readonly field: FieldNode;
}

/** A request's link to the plans: the key of its operation (query text and operation name). */
export interface CallPlanHandle {
  readonly plans: CallPlans;
  readonly key: string;
}

/** Plans of repeated `customer` / `customerBySource` operations, so that a request can start its source calls before it executes. */
export interface CallPlans {
  /**
   * The key of a POST body's operation: its operation name and query text, or its automatic persisted query hash
   * when it sends the hash alone (Apollo resolves that hash to the text it registered); null without either.
   */
  keyOf(body: unknown): string | null;
  /** Called by `Query.customer` / `Query.customerBySource` once resolved: remembers its operation under the request's key. */
  remember(key: string, info: GraphQLResolveInfo): void;
  /**
   * Before execution (the request's context is built, its caller authenticated): when the operation under `key`
   * ran before and the crosswalk holds the customer its variables name, starts the calls its fields will make
   * (`Loaders.startNow`) and resolves once they are written (a turn later). Undefined when it started nothing.
   */
  start(key: string, variables: unknown, context: GatewayContext): Promise<void> | undefined;
  /** Requests whose calls started before execution, since start. */
  readonly started: number;
}

/** The record a remembered root field names with these variables: `customer(id:)` or `customerBySource(source:, id:)`. */
function anchorOf(field: FieldNode, values: Readonly<Record<string, unknown>>, context: GatewayContext): SourceRef | null {
  const id = argumentValue(field, 'id', values, undefined);
  if (typeof id !== 'string') return null;
  if (field.name.value === 'customer') {
    const anchor = decodeCustomerId(id);
    return anchor && context.loaders.source(anchor.source) ? anchor : null;
  }
  const source = argumentValue(field, 'source', values, undefined);
  if (typeof source !== 'string') return null;
  try {
    return sourceRefOf(source, id, context);
  } catch {
    return null; // the resolver refuses these arguments before any call
  }
}

/** Operations remembered (least recently used go first). */
const MAX_OPERATIONS = 200;

/**
 * Issue 17 (light-load latency): a warm `customer(id:)` query spends ~0.5 ms in Apollo's pipeline and in
 * graphql-js before its resolvers ask for anything, and its source calls wait for that. For an operation that
 * already ran once (same query text and operation name), the calls it makes are known from its selection:
 * this starts them as soon as the request's context exists, from the crosswalk's cached cluster, so that the
 * pipeline runs while the sources answer. The fields then find their loads in the request's loaders.
 *
 * It starts nothing unless every resolver involved would load the same (see {@link planCustomerReads}: field
 * authorisation for this caller, `@skip` / `@include`, paging arguments its resolvers would refuse, consent
 * gates); the variables must be built-in scalars that execution will accept (src/resolvers/simpleValues.ts),
 * and a customer the crosswalk does not hold fresh is left to the resolver. Only one-field operations
 * (`customer` or `customerBySource` alone at the root) are remembered.
 */
export function createCallPlans(): CallPlans {
  const operations = new LRUCache<string, Remembered>({ max: MAX_OPERATIONS });
  let started = 0;
  return {
    keyOf(body) {
      if (typeof body !== 'object' || body === null) return null;
      const { query, operationName, extensions } = body as { query?: unknown; operationName?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
      const name = typeof operationName === 'string' ? operationName : '';
      if (typeof query === 'string') return `${name}\n${query}`;
      const hash = extensions?.persistedQuery?.sha256Hash;
      // A hash Apollo no longer holds is answered PERSISTED_QUERY_NOT_FOUND; calls started for it are wasted, not wrong.
      return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? `${name}\napq:${hash}` : null;
    },
    remember(key, info) {
      if (operations.has(key)) return;
      const selections = info.operation.selectionSet.selections;
      const field = info.fieldNodes[0];
      if (!field || info.operation.operation !== 'query' || selections.length !== 1 || selections[0] !== field || info.fieldNodes.length !== 1 || field.directives?.length) return;
      operations.set(key, { schema: info.schema, operation: info.operation, fragments: info.fragments, field });
    },
    start(key, variables, context) {
      const known = operations.get(key);
      if (!known) return undefined;
      const queryType = known.schema.getQueryType();
      const rootField = queryType?.getFields()[known.field.name.value];
      if (!queryType || !rootField || fieldAccess(rootField, queryType, context) === 'refused') return undefined;
      const values = simpleVariables(known.operation.variableDefinitions ?? [], variables);
      if (!values) return undefined;
      const anchor = anchorOf(known.field, values, context);
      if (!anchor) return undefined;
      const cluster = context.identity.peekRef(anchor);
      if (!cluster) return undefined;
      const info: PlanInfo = { schema: known.schema, operation: known.operation, fragments: known.fragments, fieldNodes: [known.field], variableValues: values };
      const plan = planCustomerReads(info, context);
      if (!plan) return undefined;
      const { loaders } = context;
      if (plan.orders || plan.tickets || plan.activities) loaders.noteLineItems(operationReadsLineItems(info));
      if (plan.orders) loaders.noteOrdersLimit(plan.allOrders ? null : operationOrdersLimit(info));
      if (loaders.startNow(cluster.links.map((link) => link.ref), plan) === 0) return undefined;
      started += 1;
      // undici writes a request on a reused keep-alive socket in the next check phase (it first lets the
      // socket's pending events run); execution goes on after that, while the sources answer.
      return new Promise<void>((resolve) => setImmediate(resolve));
    },
    get started() {
      return started;
    },
  };
}
