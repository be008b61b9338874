import type { ArgumentNode, GraphQLResolveInfo, SelectionSetNode, ValueNode } from 'graphql';

/** Fields computed from every order of a person (metrics and what reads them, the timeline, data quality). */
const READS_ALL_ORDERS = new Set(['metrics', 'segments', 'journeyStage', 'timeline', 'dataQuality']);
/** `Customer.orders(first:)` default, as in schema/customer.graphql. */
const DEFAULT_FIRST = 20;

/** Per request (its variable values). */
const memo = new WeakMap<object, number | null>();
/** Per operation node, for operations whose `orders` arguments name no variable (the answer is the same for every request). */
const byOperation = new WeakMap<object, number | null>();

/**
 * How many of each member's newest orders the operation of `info` can show, or null when it needs them all:
 * the largest `first` of its `orders` fields when every one starts at the beginning (no `after`) and no field
 * computed from all orders (`metrics`, `segments`, `journeyStage`, `timeline`, `dataQuality`) is selected;
 * null otherwise, or without an `orders` field. By field name (inline and named fragments included), which can
 * only make it ask for more. Memoised per operation (Apollo hands a repeated document back parsed once) when no
 * `orders` argument is a variable, per request (its variable values) otherwise.
 */
export function operationOrdersLimit(info: Pick<GraphQLResolveInfo, 'operation' | 'fragments' | 'variableValues'>): number | null {
  const constant = byOperation.get(info.operation);
  if (constant !== undefined) return constant;
  const known = memo.get(info.variableValues);
  if (known !== undefined) return known;
  let all = false;
  let variables = false;
  let limit: number | null = null;
  const visited = new Set<string>();
  const valueOf = (node: ValueNode | undefined): unknown => {
    if (!node) return undefined;
    if (node.kind === 'Variable') {
      variables = true;
      return info.variableValues[node.name.value];
    }
    if (node.kind === 'IntValue') return Number(node.value);
    if (node.kind === 'NullValue') return null;
    return 'other';
  };
  const arg = (args: readonly ArgumentNode[] | undefined, name: string) => args?.find((a) => a.name.value === name)?.value;
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (all) return;
      if (selection.kind === 'Field') {
        const name = selection.name.value;
        if (READS_ALL_ORDERS.has(name)) all = true;
        else if (name === 'orders') {
          const after = valueOf(arg(selection.arguments, 'after'));
          const first = valueOf(arg(selection.arguments, 'first')) ?? DEFAULT_FIRST;
          if ((after !== undefined && after !== null && after !== '') || typeof first !== 'number') all = true;
          else limit = Math.max(limit ?? 0, first);
        }
        walk(selection.selectionSet);
      } else if (selection.kind === 'InlineFragment') walk(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  walk(info.operation.selectionSet);
  const result = all ? null : limit;
  // Stopped early (a field that reads all orders): later `orders` arguments were not looked at, and need not be.
  if (variables) memo.set(info.variableValues, result);
  else byOperation.set(info.operation, result);
  return result;
}
