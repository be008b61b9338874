import { createRequire } from 'node:module';
import type { buildSubgraphSchema as BuildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, type DefinitionNode, type DocumentNode, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.js';
import { GatewayErrorCode, gatewayError } from '../errors.js';
import { loadSchemaSdl } from '../loadSchemaSdl.js';
import { resolvers, type CustomerParent } from '../resolvers/index.js';
import { resolveCustomerReference } from './resolveCustomerReference.js';

/** Options of {@link createSubgraphSchema}. */
export interface SubgraphSchemaOptions {
  /** Most representations one `_entities` call may carry (config `federation.maxRepresentations`). */
  readonly maxRepresentations: number;
}

/** Descriptions of what `@apollo/subgraph` adds, so that introspection documents every public field. */
const DESCRIPTIONS: ReadonlyArray<readonly [type: string, field: string | null, text: string]> = [
  ['Query', '_entities', 'Federation: the customers named by a router\'s representations (keys `id`, `email`, `sourceRef`), in order; null with an error at an index that names nobody or several people.'],
  ['Query', '_service', 'Federation: this subgraph\'s SDL for composition. Gated like introspection (scope `schema:read` unless introspection is open).'],
  ['_Service', null, 'Federation: the subgraph\'s SDL.'],
  ['_Service', 'sdl', 'The subgraph SDL, with the gateway\'s own `@auth`, `@pii` and `@purpose` (composition ignores them; this subgraph enforces them).'],
  ['_Entity', null, 'Federation: every entity type of this subgraph.'],
  ['_Any', null, 'Federation: an entity representation, `{ __typename, ...key fields }`.'],
  ['link__Purpose', null, 'Federation (link spec): what a linked specification is for.'],
  ['link__Import', null, 'Federation (link spec): an element imported from a linked specification.'],
  ['federation__FieldSet', null, 'Federation: a selection of fields, as in `@key(fields:)`.'],
  ['federation__Scope', null, 'Federation: a scope name for `@requiresScopes` (not used by this subgraph).'],
  ['federation__Policy', null, 'Federation: a policy name for `@policy` (not used by this subgraph).'],
];

/**
 * The gateway schema as an Apollo Federation 2 subgraph (`federation.enabled`): the same SDL files and
 * resolvers as the standalone schema, plus `schema/federation/*.graphql` (the `@link` to federation v2.7, the
 * `Customer` keys and key fields), built by `@apollo/subgraph` so `_service` and `_entities` are its own.
 * `Customer.__resolveReference` is {@link resolveCustomerReference}. `_entities` rejects more than
 * `maxRepresentations` representations with `BAD_USER_INPUT` before any resolution. The result still needs
 * `applyAuthorization` (done by the server, as for the standalone schema): `_entities` and `_service` inherit
 * `Query`'s `@auth`, and every entity field keeps its own directives.
 */
export function createSubgraphSchema(options: SubgraphSchemaOptions): GraphQLSchema {
  // Loaded here, not at import: @apollo/subgraph (with federation-internals) takes seconds to load on a busy
  // machine, and every CLI start would pay for it with federation off.
  const { buildSubgraphSchema } = createRequire(import.meta.url)('@apollo/subgraph') as { buildSubgraphSchema: typeof BuildSubgraphSchema };
  const typeDefs = foldExtensions(parse(loadSchemaSdl().join('\n')), parse(loadSchemaSdl('federation').join('\n')));
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: {
      ...resolvers,
      Customer: {
        ...resolvers.Customer,
        __resolveReference: resolveCustomerReference,
        email: async (parent: CustomerParent, args: unknown, context: GatewayContext, info: GraphQLResolveInfo) =>
          (await resolvers.Customer.emails(parent, args, context, info)).find((e) => e.primary)?.value ?? null,
        sourceRef: (parent: CustomerParent) => parent.cluster.anchor,
      },
    // @apollo/subgraph types resolver maps loosely (GraphQLResolverMap<unknown>); ours are typed per field.
    } as never,
  });
  const entities = schema.getQueryType()?.getFields()._entities;
  if (!entities?.resolve) throw new Error('@apollo/subgraph built no Query._entities: Customer has no @key');
  const resolveEntities: GraphQLFieldResolver<unknown, GatewayContext> = entities.resolve;
  entities.resolve = (source, args: { representations?: readonly unknown[] }, context, info) => {
    const count = args.representations?.length ?? 0;
    if (count > options.maxRepresentations) {
      throw gatewayError(GatewayErrorCode.BadUserInput, `at most ${options.maxRepresentations} representations per _entities call (config federation.maxRepresentations), got ${count}`, { argument: 'representations' });
    }
    return resolveEntities(source, args, context, info);
  };
  const representations = entities.args.find((arg) => arg.name === 'representations');
  if (representations) representations.description = `Entity representations, at most ${options.maxRepresentations} (config \`federation.maxRepresentations\`).`;
  for (const [typeName, fieldName, text] of DESCRIPTIONS) {
    const type = schema.getType(typeName);
    if (!type) continue;
    if (fieldName === null) type.description = text;
    else if ('getFields' in type) {
      const field = (type.getFields() as Record<string, { description?: string | null | undefined }>)[fieldName];
      if (field) field.description = text;
    }
  }
  return schema;
}

/**
 * `base` with each `extend type X` of `extensions` folded into the definition of `X` (directives and fields
 * appended), other definitions added as they are. The federation file is written as extensions so the
 * standalone SDL stays untouched, but the subgraph owns `Customer`: composed as an extension, its keys would
 * be marked `extension: true` in the supergraph.
 */
function foldExtensions(base: DocumentNode, extensions: DocumentNode): DocumentNode {
  const definitions: DefinitionNode[] = [...base.definitions];
  for (const extension of extensions.definitions) {
    const index = extension.kind === Kind.OBJECT_TYPE_EXTENSION ? definitions.findIndex((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === extension.name.value) : -1;
    const target = definitions[index];
    if (extension.kind !== Kind.OBJECT_TYPE_EXTENSION || target?.kind !== Kind.OBJECT_TYPE_DEFINITION) {
      definitions.push(extension);
      continue;
    }
    definitions[index] = { ...target, directives: [...(target.directives ?? []), ...(extension.directives ?? [])], fields: [...(target.fields ?? []), ...(extension.fields ?? [])] };
  }
  return { ...base, definitions };
}
