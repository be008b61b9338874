import {
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Largest `first`/`last` a connection accepts, and most ids `nodes` accepts (Shopify's caps). */
export const MAX_PAGE_SIZE = 250;

/** What static analysis found about one operation. */
export interface QueryAnalysis {
  /** `requestedQueryCost`: the worst case, computed from the query and its variables before executing. */
  readonly cost: number;
  /** Argument errors Shopify reports before executing (page size caps, missing first/last, too many ids). */
  readonly errors: readonly GraphQLError[];
}

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Record<string, unknown>;
  readonly errors: Map<string, GraphQLError>;
}

/** Cost of one mutation field (https://shopify.dev/docs/api/usage/rate-limits#cost-calculation). */
const MUTATION_COST = 10;

/**
 * Computes the requested cost of a validated operation with coerced variables, per Shopify's model
 * (https://shopify.dev/docs/api/usage/rate-limits#cost-calculation): scalars and enums 0; an object 1 plus
 * its selections; a connection 2 + (first ?? last) × the cost of one node (`nodes` items and `edges.node`
 * each cost 1 plus their selections; `edges`, `cursor` and `pageInfo` are covered by the 2); a list with an
 * `ids` argument (`nodes(ids:)`) costs per id; an abstract type costs its most expensive possible type.
 * Also collects the argument errors Shopify reports without executing.
 */
export function analyzeQuery(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Record<string, unknown>,
): QueryAnalysis {
  const walk: Walk = { schema, fragments: new Map(fragments.map((f) => [f.name.value, f])), variables, errors: new Map() };
  const root = schema.getRootType(operation.operation);
  // Shopify charges a flat 10 points per mutation field, whatever its payload selects.
  const cost = !root ? 0 : operation.operation === 'mutation' ? MUTATION_COST * collectFields(walk, root, [operation.selectionSet]).size : objectCost(walk, root, [operation.selectionSet], []);
  return { cost, errors: [...walk.errors.values()] };
}

/** Cost of the selections `selectionSets` (merged) on `type`; abstract types take their costliest member. */
function selectionCost(walk: Walk, type: GraphQLCompositeType, selectionSets: readonly SelectionSetNode[], path: readonly string[]): number {
  const types = isAbstractType(type) ? walk.schema.getPossibleTypes(type) : [type as GraphQLObjectType];
  return Math.max(0, ...types.map((t) => objectCost(walk, t, selectionSets, path)));
}

function objectCost(walk: Walk, type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[], path: readonly string[]): number {
  let total = 0;
  for (const [key, nodes] of collectFields(walk, type, selectionSets)) {
    const first = nodes[0] as FieldNode;
    const field = type.getFields()[first.name.value];
    if (field) total += fieldCost(walk, field, nodes, [...path, key]);
  }
  return total;
}

function fieldCost(walk: Walk, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], path: readonly string[]): number {
  const named = getNamedType(field.type);
  if (isLeafType(named) || !isCompositeType(named)) return 0;
  const args = getArgumentValues(field, nodes[0] as FieldNode, walk.variables);
  const subSelections = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  if (isObjectType(named) && named.name.endsWith('Connection')) {
    const size = checkConnectionArgs(walk, args, nodes[0] as FieldNode, path);
    return 2 + size * connectionNodeCost(walk, named, subSelections, path);
  }
  const each = 1 + selectionCost(walk, named, subSelections, path);
  if (isListType(getNullableType(field.type))) {
    const ids = args['ids'];
    const count = Array.isArray(ids) ? ids.length : 1;
    if (count > MAX_PAGE_SIZE) addError(walk, `ids cannot exceed ${MAX_PAGE_SIZE}`, nodes[0] as FieldNode, path);
    return count * each;
  }
  return each;
}

/** Cost of one element of a connection: `nodes` items plus `edges.node` (each 1 + its selections). */
function connectionNodeCost(walk: Walk, connection: GraphQLObjectType, selectionSets: readonly SelectionSetNode[], path: readonly string[]): number {
  let total = 0;
  for (const [key, nodes] of collectFields(walk, connection, selectionSets)) {
    const name = (nodes[0] as FieldNode).name.value;
    const fieldType = connection.getFields()[name]?.type;
    const named = fieldType ? getNamedType(fieldType) : undefined;
    const subSelections = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    if (name === 'nodes' && named && isCompositeType(named)) {
      total += 1 + selectionCost(walk, named, subSelections, [...path, key]);
    } else if (name === 'edges' && named && isObjectType(named)) {
      for (const [edgeKey, edgeNodes] of collectFields(walk, named, subSelections)) {
        const edgeField = named.getFields()[(edgeNodes[0] as FieldNode).name.value];
        const nodeType = edgeField ? getNamedType(edgeField.type) : undefined;
        if (edgeField?.name !== 'node' || !nodeType || !isCompositeType(nodeType)) continue;
        const nodeSelections = edgeNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
        total += 1 + selectionCost(walk, nodeType, nodeSelections, [...path, key, edgeKey]);
      }
    }
  }
  return total;
}

/** Shopify's connection argument rules; returns the page size the cost is computed from. */
function checkConnectionArgs(walk: Walk, args: Record<string, unknown>, node: FieldNode, path: readonly string[]): number {
  const first = typeof args['first'] === 'number' ? args['first'] : null;
  const last = typeof args['last'] === 'number' ? args['last'] : null;
  if (first === null && last === null) addError(walk, 'you must provide one of first or last', node, path);
  for (const [name, value] of [['first', first], ['last', last]] as const) {
    if (value === null) continue;
    if (value > MAX_PAGE_SIZE) addError(walk, `${name} cannot exceed ${MAX_PAGE_SIZE}`, node, path);
    if (value < 0) addError(walk, `${name} cannot be negative`, node, path);
  }
  return Math.max(0, first ?? last ?? 0);
}

function addError(walk: Walk, message: string, node: FieldNode, path: readonly string[]): void {
  const key = `${message}@${path.join('.')}`;
  if (!walk.errors.has(key)) walk.errors.set(key, new GraphQLError(message, { nodes: node, path: [...path] }));
}

/** Groups the selections that apply to `type` by response key, honouring fragments, @skip and @include. */
function collectFields(walk: Walk, type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (!included(walk, selection)) continue;
      switch (selection.kind) {
        case Kind.FIELD: {
          const key = selection.alias?.value ?? selection.name.value;
          fields.set(key, [...(fields.get(key) ?? []), selection]);
          break;
        }
        case Kind.INLINE_FRAGMENT:
          if (!selection.typeCondition || appliesTo(walk, selection.typeCondition.name.value, type)) visit(selection.selectionSet);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const fragment = walk.fragments.get(selection.name.value);
          if (!fragment || visited.has(fragment.name.value)) break;
          visited.add(fragment.name.value);
          if (appliesTo(walk, fragment.typeCondition.name.value, type)) visit(fragment.selectionSet);
          break;
        }
      }
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  return fields;
}

function appliesTo(walk: Walk, condition: string, type: GraphQLObjectType): boolean {
  if (condition === type.name) return true;
  const conditionType = walk.schema.getType(condition);
  return conditionType !== undefined && isAbstractType(conditionType) && walk.schema.isSubType(conditionType, type);
}

function included(walk: Walk, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, walk.variables)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, walk.variables)?.['if'] !== false;
}
