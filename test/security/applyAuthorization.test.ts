import { makeExecutableSchema } from '@graphql-tools/schema';
import { createRequire } from 'node:module';
import type { GraphQLError, graphql as graphqlFn } from 'graphql';
import { describe, expect, it } from 'vitest';
import { applyAuthorization, SchemaAuthorizationError, type Principal } from '../../src/auth/index.js';
import { loadSchemaSdl } from '../../src/loadSchemaSdl.js';
import { resolvers } from '../../src/resolvers/index.js';

const DIRECTIVES = loadSchemaSdl().find((sdl) => sdl.includes('directive @auth'))!;
const build = (sdl: string) => applyAuthorization(makeExecutableSchema({ typeDefs: [DIRECTIVES, sdl] }));

describe('applyAuthorization: the schema-build check', () => {
  it('builds the real schema: every field of every object type has a declaration', () => {
    expect(() => applyAuthorization(makeExecutableSchema({ typeDefs: loadSchemaSdl(), resolvers }))).not.toThrow();
  });

  it.each([
    ['a field with no @auth on it or its type', 'type Query { a: String }', 'Query.a has no @auth declaration'],
    ['a type declared elsewhere but one undeclared type', 'type Query @auth(requires: ["customer:read"]) { a: T } type T { b: String }', 'T.b has no @auth declaration'],
    ['an unknown scope', 'type Query @auth(requires: ["everything"]) { a: String }', 'Query: @auth names an unknown scope'],
    ['an unknown purpose', 'type Query @auth(requires: ["customer:read"]) { a: String @purpose(allows: ["fun"]) }', 'Query.a: unknown purpose fun'],
  ])('fails the build for %s', (_name, sdl, message) => {
    expect(() => build(sdl)).toThrow(SchemaAuthorizationError);
    expect(() => build(sdl)).toThrow(message);
  });

  it('accepts a field declared on the field alone, and PageInfo-like plumbing it whitelists', () => {
    expect(() => build('type Query { a: String @auth(requires: ["customer:read"]) p: PageInfo @auth(requires: ["customer:read"]) } type PageInfo { hasNextPage: Boolean! }')).not.toThrow();
  });
});

describe('applyAuthorization: consent-bound fields', () => {
  const sdl = `type Query @auth(requires: ["customer:read"]) { customer: Customer }
    type Customer @auth(requires: ["customer:read"]) {
      consent: [Channel!]!
      segments: [String!]! @purpose(allows: ["marketing"], consentFor: ["marketing"])
    }
    type Channel @auth(requires: ["customer:read"]) { allowed: Boolean! }`;
  // The copy of graphql-js that @graphql-tools/schema builds with (CommonJS); the ESM one refuses its schema.
  const { graphql } = createRequire(import.meta.url)('graphql') as { graphql: typeof graphqlFn };
  const run = async (allowed: boolean) => {
    const schema = applyAuthorization(
      makeExecutableSchema({
        typeDefs: [DIRECTIVES, sdl],
        resolvers: { Query: { customer: () => ({}) }, Customer: { consent: () => [{ allowed }], segments: () => ['HIGH_VALUE'] } },
      }),
    );
    const partialErrors: GraphQLError[] = [];
    const principal = { subject: 't', role: 'marketer', scopes: new Set(['customer:read']), purposes: new Set(['marketing']), method: 'apiKey' } as unknown as Principal;
    const result = await graphql({ schema, source: '{ customer { segments } }', contextValue: { principal, purpose: 'marketing', partialErrors } });
    return { result, partialErrors: partialErrors.map((e) => e.toJSON()) };
  };

  it('answers a customer who allows no channel with an empty list and one FORBIDDEN error at the field\'s path (as README says)', async () => {
    const { result, partialErrors } = await run(false);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ customer: { segments: [] } });
    expect(partialErrors).toEqual([{ message: expect.stringContaining('has not consented'), path: ['customer', 'segments'], extensions: { code: 'FORBIDDEN' } }]);
  });

  it('answers a consenting customer in full', async () => {
    const { result, partialErrors } = await run(true);
    expect(result.data).toEqual({ customer: { segments: ['HIGH_VALUE'] } });
    expect(partialErrors).toEqual([]);
  });
});

describe('applyAuthorization: decisions per request', () => {
  const sdl = `type Query @auth(requires: ["customer:read"]) { a: String @purpose(allows: ["support"]) }`;
  const { graphql } = createRequire(import.meta.url)('graphql') as { graphql: typeof graphqlFn };
  const schema = applyAuthorization(makeExecutableSchema({ typeDefs: [DIRECTIVES, sdl], resolvers: { Query: { a: () => 'x' } } }));
  const principal = (scopes: string[]) => ({ subject: 't', role: 'agent', scopes: new Set(scopes), purposes: new Set(['support']), method: 'apiKey' }) as unknown as Principal;
  const ask = (contextValue: object) => graphql({ schema, source: '{ a }', contextValue });

  it("decides for a context's own principal and purpose, not those of a context it inherits from", async () => {
    const refused = { principal: principal([]), purpose: 'support', partialErrors: [] };
    expect((await ask(refused)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    // Shared fields on a prototype, as the gateway makes its contexts: the child's principal decides.
    const allowed = Object.assign(Object.create(refused) as object, { principal: principal(['customer:read']) });
    expect((await ask(allowed)).data).toEqual({ a: 'x' });
    const noPurpose = Object.assign(Object.create(allowed) as object, { purpose: null });
    expect((await ask(noPurpose)).errors?.[0]?.message).toContain('only for purposes support');
    expect((await ask(refused)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('decides for a frozen context too', async () => {
    expect((await ask(Object.freeze({ principal: principal(['customer:read']), purpose: 'support', partialErrors: [] }))).data).toEqual({ a: 'x' });
  });
});
