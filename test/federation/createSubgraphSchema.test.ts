import type { GraphQLEnumType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { applyAuthorization } from '../../src/auth/index.js';
import { graphqlTypeTag } from '../../src/auth/graphqlTypeTag.js';
import { createSubgraphSchema } from '../../src/federation/index.js';

// By tag, not isObjectType(): @apollo/subgraph builds with the CJS graphql, vitest loads ours as ESM.
const isObjectType = (type: unknown): type is GraphQLObjectType => ['GraphQLObjectType', 'GraphQLInterfaceType', 'GraphQLInputObjectType'].includes(graphqlTypeTag(type));
const isEnumType = (type: unknown): type is GraphQLEnumType => graphqlTypeTag(type) === 'GraphQLEnumType';

/** `Type`, `Type.field` and `Type.field(arg)` of everything in the schema that has no description. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (!type.description && !['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) missing.push(type.name);
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe('createSubgraphSchema: the subgraph schema', () => {
  const schema = createSubgraphSchema({ maxRepresentations: 100 });

  it('adds the entity keys, key fields and the federation root fields to the standalone schema', () => {
    const customer = schema.getType('Customer');
    expect(isObjectType(customer)).toBe(true);
    expect(Object.keys((customer as { getFields(): object }).getFields())).toEqual(expect.arrayContaining(['id', 'email', 'sourceRef']));
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['_entities', '_service']));
    const keys = customer!.astNode!.directives!.filter((d) => d.name.value === 'key').map((d) => (d.arguments![0]!.value as { value: string }).value);
    expect(keys).toEqual(['id', 'email', 'sourceRef { source id }']);
  });

  it('passes the authorisation check: every field is covered by @auth, the key fields keep @pii', () => {
    expect(() => applyAuthorization(createSubgraphSchema({ maxRepresentations: 100 }))).not.toThrow();
    const email = (schema.getType('Customer') as { getFields(): Record<string, { astNode?: { directives?: ReadonlyArray<{ name: { value: string } }> } }> }).getFields().email!;
    expect(email.astNode?.directives?.map((d) => d.name.value)).toEqual(['pii']);
  });

  it('describes everything a client can introspect, federation additions included', () => {
    // The standalone schema's own gaps (if any) are not this module's; compare against them.
    expect(undocumented(schema).filter((name) => /^_|\._|^link__|^federation__|\.email$|\.sourceRef$/.test(name))).toEqual([]);
  });
});
