import { Kind, type FragmentDefinitionNode, type GraphQLError, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/** Options of {@link maxDepthRule}. */
export interface MaxDepthRuleOptions {
  /** Deepest nesting accepted, levels (a field with a selection set and an inline fragment each count 1). */
  readonly n: number;
  /** Builds the error reported for an operation deeper than `n`. */
  readonly error: (message: string) => GraphQLError;
}

/**
 * Validation rule limiting how deeply an operation nests. A field counts one level, and so does an inline
 * fragment (`... on T { }`): graphql-armor's max-depth flattens inline fragments, so 200 nested
 * `... on Query {` were depth 1. A named fragment spread is flattened: its fragment's body counts at the
 * spread's depth (the standard introspection query is 15 deep that way, and a chain of spreads is bounded by
 * the token limit). Introspection fields count like any other. Counting stops once past `n` (each fragment's
 * body is walked once), so a hostile document costs at most `n` levels of walking; the message says
 * `found more than n`.
 */
export function maxDepthRule(options: MaxDepthRuleOptions): ValidationRule {
  const { n } = options;
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

    // Depth of each fragment's body, computed once: a fragment spread many times (or spreading another
    // fragment twice, and so on) costs one walk, not one per path.
    const fragmentDepths = new Map<string, number>();

    /** How many levels `set` nests, capped at n + 1 (anything past n is refused, however deep). */
    const depthOf = (set: SelectionSetNode, active: Set<string>): number => {
      let deepest = 0;
      for (const selection of set.selections) {
        let depth: number;
        if (selection.kind === Kind.FIELD) depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet, active) : 0);
        else if (selection.kind === Kind.INLINE_FRAGMENT) depth = 1 + depthOf(selection.selectionSet, active);
        else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // A fragment cycle is reported by graphql-js (NoFragmentCyclesRule); don't recurse forever meanwhile.
          if (!fragment || active.has(name)) continue;
          let known = fragmentDepths.get(name);
          if (known === undefined) {
            active.add(name);
            known = depthOf(fragment.selectionSet, active);
            active.delete(name);
            fragmentDepths.set(name, known);
          }
          depth = known;
        }
        if (depth > n) return n + 1;
        deepest = Math.max(deepest, depth);
      }
      return deepest;
    };

    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > n) context.reportError(options.error(`Query depth limit of ${n} exceeded, found more than ${n}.`));
      },
    };
  };
}
