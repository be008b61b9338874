import { defaultFieldResolver, getNamedType, isLeafType, type GraphQLFieldResolver, type GraphQLOutputType } from 'graphql';

/** Internal: tallies `actualQueryCost` while graphql-js executes. One counter per request. */
export interface CostCounter {
  /** Pass as `execute({ fieldResolver })`: resolves like the default resolver and counts what it returned. */
  readonly fieldResolver: GraphQLFieldResolver<unknown, unknown>;
  /** Cost of everything resolved so far. */
  total(): number;
}

/**
 * Counts the cost of what was actually returned, with the same unit costs as analyzeQuery: each non-null
 * object 1, each connection 2, edges and page info free, scalars and enums 0. So the actual cost never
 * exceeds the requested cost, and the difference is refunded to the bucket as Shopify does.
 */
export function createCostCounter(): CostCounter {
  let total = 0;
  const count = (type: GraphQLOutputType, value: unknown): void => {
    const named = getNamedType(type);
    if (isLeafType(named) || value === null || value === undefined) return;
    const unit = named.name.endsWith('Connection') ? 2 : named.name.endsWith('Edge') || named.name === 'PageInfo' ? 0 : 1;
    total += Array.isArray(value) ? unit * value.filter((item) => item !== null && item !== undefined).length : unit;
  };
  return {
    fieldResolver: (source, args, context, info) => {
      const value: unknown = defaultFieldResolver(source, args, context, info);
      if (value instanceof Promise) {
        return value.then((resolved: unknown) => {
          count(info.returnType, resolved);
          return resolved;
        });
      }
      count(info.returnType, value);
      return value;
    },
    total: () => total,
  };
}
