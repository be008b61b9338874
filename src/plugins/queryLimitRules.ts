import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { graphqlTypeTag, namedTypeOf } from '../auth/graphqlTypeTag.js';
import { GatewayErrorCode } from '../errors.js';

/** Realm-free `isObjectType` (see graphqlTypeTag). */
const isObjectType = (type: unknown): type is GraphQLObjectType => graphqlTypeTag(type) === 'GraphQLObjectType';
import type { LimitsConfig } from './limitsConfigSchema.js';
import { maxDepthRule } from './maxDepthRule.js';

/** Assumed page size of a list argument given as a variable (validation does not see variable values). */
const VARIABLE_PAGE = 100;
/** Page size of a connection field without `first` (the schema default). */
const DEFAULT_PAGE = 20;

/**
 * Validation rules enforcing `limits:` (the parser token limit is graphql-js `parseOptions.maxTokens`). Aliases
 * and directives use graphql-armor's rules; depth ({@link maxDepthRule}: inline fragments count, which
 * graphql-armor's max-depth skips), root fields and cost (with list multipliers, which graphql-armor's
 * cost-limit lacks) are ours. Every rejection is a validation error with
 * `extensions.limit` naming the limit; the server turns it into 400 `QUERY_LIMIT_EXCEEDED`.
 */
export function queryLimitRules(limits: LimitsConfig): ValidationRule[] {
  const armor = (limit: string) => ({ exposeLimits: true, propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(limit, error.message.replace(/^Syntax Error: /, '')))] });
  return [
    maxDepthRule({ n: limits.maxDepth, error: (message) => limitError('maxDepth', message) }),
    maxAliasesRule({ n: limits.maxAliases, ...armor('maxAliases') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...armor('maxDirectives') }),
    knownOperationTypeRule,
    rootFieldsRule(limits.maxRootFields),
    costRule(limits.maxCost),
  ];
}

/** A validation error tagged with the limit it broke. */
export function limitError(limit: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { limit, code: GatewayErrorCode.QueryLimitExceeded } });
}

/**
 * graphql-js 16 leaves an operation whose root type the schema lacks (we have no subscriptions) to execution,
 * which fails it as a 200 with an internal error; refuse it at validation (400) instead.
 */
const knownOperationTypeRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    const schema = context.getSchema();
    const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (!root) context.reportError(new GraphQLError(`this schema has no ${operation.operation} operations`, { nodes: [operation] }));
  },
});

/** Cost of each operation in `document` as the cost limit counts it (for documenting the defaults). */
export function operationCosts(schema: GraphQLSchema, document: DocumentNode): number[] {
  const costs: number[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const context = { getSchema: () => schema } as ValidationContext;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = definition.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    if (root) costs.push(costOf(definition.selectionSet, root, fragments, context, new Set(), Number.MAX_SAFE_INTEGER / 20));
  }
  return costs;
}

function rootFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const count = countFields(operation.selectionSet, fragmentsOf(context), new Set());
      if (count > max) context.reportError(limitError('maxRootFields', `Query root field limit of ${max} exceeded, found ${count}.`));
    },
  });
}

function countFields(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) count += 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countFields(selection.selectionSet, fragments, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) count += countFields(fragment.selectionSet, fragments, seen);
    }
  }
  return count;
}

function costRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const root = operation.operation === 'mutation' ? context.getSchema().getMutationType() : context.getSchema().getQueryType();
      if (!root) return;
      const cost = costOf(operation.selectionSet, root, fragmentsOf(context), context, new Set(), max);
      if (cost > max) context.reportError(limitError('maxCost', `Query cost limit of ${max} exceeded, found ${cost > max * 10 ? `more than ${max * 10}` : cost}.`));
    },
  });
}

/** Cost of a selection set on `type`; stops early (returns > max) so hostile queries stay cheap to price. */
function costOf(set: SelectionSetNode, type: GraphQLOutputType, fragments: Map<string, FragmentDefinitionNode>, context: ValidationContext, active: Set<string>, max: number): number {
  const named = namedTypeOf(type);
  let total = 0;
  for (const selection of set.selections) {
    if (total > max * 10) return total;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const target = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : named;
      if (target && isObjectType(target)) total += costOf(selection.selectionSet, target, fragments, context, active, max);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      // A fragment cycle is reported by graphql-js (NoFragmentCyclesRule); don't recurse forever meanwhile.
      if (!fragment || active.has(fragment.name.value)) continue;
      active.add(fragment.name.value);
      const target = context.getSchema().getType(fragment.typeCondition.name.value);
      if (target && isObjectType(target)) total += costOf(fragment.selectionSet, target, fragments, context, active, max);
      active.delete(fragment.name.value);
      continue;
    }
    total += 1;
    if (!selection.selectionSet || !isObjectType(named)) continue;
    const field = named.getFields()[selection.name.value];
    if (!field) continue;
    const child = costOf(selection.selectionSet, field.type, fragments, context, active, max);
    // A connection's `nodes`/`edges` are the page its `first` already counted.
    const inPage = selection.name.value === 'nodes' || selection.name.value === 'edges';
    total += child * (inPage ? 1 : multiplierOf(selection.arguments ?? [], field.type, field.args.some((a) => a.name === 'first')));
  }
  return total;
}

function multiplierOf(args: readonly ArgumentNode[], type: GraphQLOutputType, paged: boolean): number {
  if (paged) {
    const first = args.find((a) => a.name.value === 'first')?.value;
    if (!first) return DEFAULT_PAGE;
    return first.kind === Kind.INT ? Math.max(1, Number(first.value)) : VARIABLE_PAGE;
  }
  const unwrapped = graphqlTypeTag(type) === 'GraphQLNonNull' ? (type as { ofType: unknown }).ofType : type;
  if (graphqlTypeTag(unwrapped) !== 'GraphQLList') return 1;
  const ids = args.find((a) => a.name.value === 'ids')?.value;
  if (ids?.kind === Kind.LIST) return Math.max(1, ids.values.length);
  if (ids) return VARIABLE_PAGE;
  // Lists without a page argument (emails, links, line items) are small by nature: count them as 5.
  return 5;
}

function fragmentsOf(context: ValidationContext): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) map.set(definition.name.value, definition);
  return map;
}
