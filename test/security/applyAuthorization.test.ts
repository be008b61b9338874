import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { applyAuthorization, SchemaAuthorizationError } from '../../src/auth/index.js';
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
