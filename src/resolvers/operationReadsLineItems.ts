import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

const FIELD = 'lineItems';
const memo = new WeakMap<object, boolean>();

/**
 * Whether the operation of `info` selects a `lineItems` field anywhere (inline fragments and named fragments
 * included), by field name: only `Order.lineItems` has that name, and a false positive only fetches more.
 * Memoised per operation document node, so a request walks its document once.
 */
export function operationReadsLineItems(info: Pick<GraphQLResolveInfo, 'operation' | 'fragments' | 'variableValues'>): boolean {
  const known = memo.get(info.operation);
  if (known !== undefined) return known;
  const visited = new Set<string>();
  const reads = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      switch (selection.kind) {
        case 'Field':
          return selection.name.value === FIELD || reads(selection.selectionSet);
        case 'InlineFragment':
          return reads(selection.selectionSet);
        case 'FragmentSpread': {
          const name = selection.name.value;
          if (visited.has(name)) return false;
          visited.add(name);
          return reads(info.fragments[name]?.selectionSet);
        }
        default:
          return false;
      }
    });
  const result = reads(info.operation.selectionSet);
  memo.set(info.operation, result);
  return result;
}
