/**
 * The graphql-js class of a schema type by its `Symbol.toStringTag` (`GraphQLObjectType`, `GraphQLList`, ...).
 * Used instead of `isObjectType`/`instanceof`, which fail when the schema was built by another copy of graphql
 * (the ESM and CJS builds are loaded side by side under vitest).
 */
export function graphqlTypeTag(type: unknown): string {
  return Object.prototype.toString.call(type).slice(8, -1);
}

/** The innermost named type under List/NonNull wrappers. */
export function namedTypeOf(type: unknown): unknown {
  let current = type;
  while (current && typeof current === 'object' && 'ofType' in current) current = (current as { ofType: unknown }).ofType;
  return current;
}
