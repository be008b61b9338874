import { defaultFieldResolver, GraphQLError, type ConstDirectiveNode, type GraphQLField, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { graphqlTypeTag } from './graphqlTypeTag.js';
import type { AuditTrail } from '../audit/AuditTrail.js';
import { GatewayErrorCode } from '../errors.js';
import { forbidden } from './forbidden.js';
import { mask } from './mask.js';
import { piiAccess, type Principal } from './Principal.js';
import { PURPOSES, SCOPES, type Purpose, type Scope } from './scopes.js';

/** What the wrapper needs from the request context. */
interface AuthorizedContext {
  readonly principal?: Principal | undefined;
  readonly purpose?: Purpose | null | undefined;
  readonly audit?: AuditTrail | undefined;
  readonly partialErrors: unknown[];
}

/**
 * Types without declarations on purpose: pure plumbing that carries no data of its own (pagination; the
 * federation SDL holder, reachable only through `Query._service`, which `Query`'s `@auth` and the
 * introspection gate guard).
 */
const PLUMBING = new Set(['PageInfo', '_Service']);

/** A schema fails to build when some field has no scope declaration. */
export class SchemaAuthorizationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaAuthorizationError';
  }
}

interface FieldPolicy {
  /** Where the policy's decision is kept in a principal's decisions (see decisionsOf). */
  readonly index: number;
  readonly key: string;
  readonly scopes: readonly Scope[];
  readonly pii: boolean;
  /** Purposes that may read the field; undefined = any. */
  readonly purposes: readonly string[] | undefined;
  /** Purposes under which only consenting customers get an answer. */
  readonly consentFor: readonly string[];
}

/**
 * Deny-by-default authorisation from SDL directives (DESIGN.md §8), applied in place to every object field:
 * - `@auth(requires: [...])` on a type or field: the caller needs every scope of the type and of the field.
 *   A field of a non-plumbing type with no `@auth` on it or its type fails the build
 *   ({@link SchemaAuthorizationError}).
 * - `@pii`: needs `pii:read` (value in full) or `pii:masked` (strings masked by {@link mask}); each read is
 *   recorded in the request's audit trail with the customer id.
 * - `@purpose(requires: "marketing", consent: true)`: the `x-c360-purpose` header must name that purpose and
 *   the role must allow it; with `consent`, a customer with no channel allowed gets an empty answer and a
 *   `FORBIDDEN` partial error.
 * A refused field throws `FORBIDDEN` before its resolver runs, so it causes no upstream call.
 * `Provenance.masked` is resolved here: true when the caller sees PII masked.
 */
export function applyAuthorization(schema: GraphQLSchema): GraphQLSchema {
  const problems: string[] = [];
  for (const candidate of Object.values(schema.getTypeMap())) {
    if (graphqlTypeTag(candidate) !== 'GraphQLObjectType') continue;
    const type = candidate as GraphQLObjectType;
    if ( type.name.startsWith('__') || PLUMBING.has(type.name)) continue;
    const typeScopes = scopesOf(directivesOf(type), type.name, problems);
    const typeDeclared = directivesOf(type).some((d) => d.name.value === 'auth');
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      const directives = field.astNode?.directives ?? [];
      if (!typeDeclared && !directives.some((d) => d.name.value === 'auth')) {
        problems.push(`${key} has no @auth declaration (on the field or its type)`);
        continue;
      }
      const purposeDirective = directives.find((d) => d.name.value === 'purpose');
      const purposes = purposeDirective ? stringsArg(purposeDirective, 'allows') : undefined;
      const consentFor = purposeDirective ? stringsArg(purposeDirective, 'consentFor') : [];
      for (const purpose of [...(purposes ?? []), ...consentFor]) if (!(PURPOSES as readonly string[]).includes(purpose)) problems.push(`${key}: unknown purpose ${purpose}`);
      const policy: FieldPolicy = {
        index: policyCount++,
        key,
        scopes: [...new Set([...typeScopes, ...scopesOf(directives, key, problems)])],
        pii: directives.some((d) => d.name.value === 'pii'),
        purposes,
        consentFor,
      };
      policies.set(field, policy);
      if (key === 'Provenance.masked') field.resolve = (_s, _a, context: AuthorizedContext) => context.principal !== undefined && piiAccess(context.principal) === 'masked';
      field.resolve = wrap(field.resolve ?? defaultFieldResolver, policy, type);
    }
  }
  if (problems.length > 0) throw new SchemaAuthorizationError(`schema authorisation declarations are incomplete:\n  ${problems.join('\n  ')}`);
  return schema;
}

/**
 * What a field's policy decides for one request's principal and purpose. It depends on nothing else, so it is
 * computed at the field's first resolution for that principal and purpose and reused for every later value of
 * that field (a list of 10 orders checks `Order.number` once, not 10 times) and by the principal's later requests.
 */
type Decision = { readonly deny: string; readonly readPii?: true } | { readonly deny: null; readonly access: 'full' | 'masked'; readonly consent: boolean };

/** Policies made so far (each gets the next index). */
let policyCount = 0;

/**
 * Decisions by policy index, per principal and purpose. A decision depends on nothing else, and a Principal is
 * read-only, so the requests of one principal and purpose share them: an API key's requests (one Principal per
 * key) decide each field once, not once per request. A JWT's principal is made per request.
 */
const decisionsByPrincipal = new WeakMap<object, Map<string, Decision[]>>();
/** The key of requests without a principal (refused on every field). */
const NO_PRINCIPAL = {};

/**
 * On a request's context object: its principal's and purpose's decisions, with the principal and purpose they are
 * for (a property rather than a WeakMap from context: read at every field value, issue 17).
 */
const DECISIONS = Symbol('c360.authorizationDecisions');
interface RequestDecisions {
  readonly principal: Principal | undefined;
  readonly purpose: Purpose | null | undefined;
  readonly decisions: Decision[];
}

/** The policy of every field `applyAuthorization` wrapped. */
const policies = new WeakMap<object, FieldPolicy>();

function decisionsOf(context: AuthorizedContext): Decision[] {
  const mine = (context as { [DECISIONS]?: RequestDecisions })[DECISIONS];
  // Checked against the context's own principal and purpose, so a context that inherits another's (one made
  // with Object.create) never uses its decisions.
  if (mine !== undefined && mine.principal === context.principal && mine.purpose === context.purpose) return mine.decisions;
  const principal = context.principal ?? NO_PRINCIPAL;
  let byPurpose = decisionsByPrincipal.get(principal);
  if (byPurpose === undefined) {
    byPurpose = new Map();
    decisionsByPrincipal.set(principal, byPurpose);
  }
  const purpose = context.purpose ?? '';
  let decisions = byPurpose.get(purpose);
  if (decisions === undefined) {
    // Sized for every policy so far: indexes are filled in any order, and a holey array stays a fast one.
    decisions = new Array<Decision>(policyCount);
    byPurpose.set(purpose, decisions);
  }
  if (Object.isExtensible(context)) {
    Object.defineProperty(context, DECISIONS, { value: { principal: context.principal, purpose: context.purpose, decisions }, writable: true, configurable: true });
  }
  return decisions;
}

function decisionOf(policy: FieldPolicy, context: AuthorizedContext, consentResolver: unknown): Decision {
  const decisions = decisionsOf(context);
  let decision = decisions[policy.index];
  if (decision === undefined) {
    decision = decide(policy, context.principal, context.purpose, consentResolver);
    decisions[policy.index] = decision;
  }
  return decision;
}

/**
 * What the field's wrapper will do for this request, decided as it will decide (and remembered for it):
 * `read` (its resolver runs), `refused` (`FORBIDDEN` before its resolver runs), `consent` (its resolver runs only
 * for a customer who consented: the consent is read first), or `unknown` for a field `applyAuthorization` did
 * not wrap. For planning the upstream reads of an operation before its fields run; nothing is recorded.
 */
export function fieldAccess(field: GraphQLField<unknown, unknown>, type: GraphQLObjectType, context: AuthorizedContext): 'read' | 'refused' | 'consent' | 'unknown' {
  const policy = policies.get(field);
  if (!policy) return 'unknown';
  const decision = decisionOf(policy, context, policy.consentFor.length > 0 ? type.getFields().consent?.resolve : undefined);
  if (decision.deny !== null) return 'refused';
  return decision.consent ? 'consent' : 'read';
}

function decide(policy: FieldPolicy, principal: Principal | undefined, purpose: Purpose | null | undefined, consentResolver: unknown): Decision {
  if (!principal) return { deny: 'not authenticated' };
  for (const scope of policy.scopes) if (!principal.scopes.has(scope)) return { deny: `${policy.key} requires scope ${scope}` };
  let access: 'full' | 'masked' = 'full';
  if (policy.pii) {
    const pii = piiAccess(principal);
    if (pii === 'none') return { deny: `${policy.key} is personal data: requires scope pii:read or pii:masked` };
    access = pii;
  }
  let consent = false;
  if (policy.purposes !== undefined) {
    // A PII field refused for its purpose was still asked for with PII access: the audit records both (as before).
    if (!purpose || !policy.purposes.includes(purpose)) return { deny: `${policy.key} is only for purposes ${policy.purposes.join(', ')} (header x-c360-purpose; this request: ${purpose ?? 'none'})`, ...(policy.pii ? { readPii: true as const } : {}) };
    consent = consentResolver !== undefined && policy.consentFor.includes(purpose);
  }
  return { deny: null, access, consent };
}

function wrap(resolve: GraphQLFieldResolver<unknown, AuthorizedContext>, policy: FieldPolicy, type: GraphQLObjectType): GraphQLFieldResolver<unknown, AuthorizedContext> {
  const consentResolver = policy.consentFor.length > 0 ? type.getFields().consent?.resolve : undefined;
  return (source, args, context, info) => {
    const decision = decisionOf(policy, context, consentResolver);
    if (policy.pii && (decision.deny === null || decision.readPii === true)) {
      context.audit?.piiFields.add(policy.key);
      const customerId = (source as { cluster?: { customerId?: unknown } } | null)?.cluster?.customerId;
      if (typeof customerId === 'string') context.audit?.customerIds.add(customerId);
    }
    if (decision.deny !== null) {
      // A new error per value: each carries its own path.
      context.audit?.denied.add(policy.key);
      throw forbidden(decision.deny);
    }
    if (decision.consent) return withConsent(consentResolver!, resolve, policy, source, args, context, info);
    const result = resolve(source, args, context, info);
    if (decision.access !== 'masked') return result;
    return result instanceof Promise ? result.then(maskValue) : maskValue(result);
  };
}

async function withConsent(
  consentResolver: GraphQLFieldResolver<unknown, AuthorizedContext>,
  resolve: GraphQLFieldResolver<unknown, AuthorizedContext>,
  policy: FieldPolicy,
  ...[source, args, context, info]: Parameters<GraphQLFieldResolver<unknown, AuthorizedContext>>
): Promise<unknown> {
  const consent = (await consentResolver(source, {}, context, info)) as ReadonlyArray<{ allowed?: boolean }> | null;
  if (consent?.some((c) => c.allowed === true)) return resolve(source, args, context, info);
  // Not silently dropped: the caller learns why the list is empty, with the field's path where GraphQL errors
  // carry it (top level, not inside extensions). The list is empty, not null: it is non-null in the schema, and
  // null would wipe out the whole customer.
  context.partialErrors.push(new GraphQLError(`${policy.key}: the customer has not consented to contact on any channel`, { path: pathOf(info.path), extensions: { code: GatewayErrorCode.Forbidden } }));
  return [];
}

function pathOf(path: { prev: unknown; key: string | number } | undefined): Array<string | number> {
  const out: Array<string | number> = [];
  for (let p = path; p; p = p.prev as typeof path) out.unshift(p.key);
  return out;
}

function maskValue(value: unknown): unknown {
  return typeof value === 'string' ? mask(value) : value;
}

function directivesOf(type: GraphQLObjectType): readonly ConstDirectiveNode[] {
  return [...(type.astNode?.directives ?? []), ...type.extensionASTNodes.flatMap((n) => n.directives ?? [])];
}

function scopesOf(directives: readonly ConstDirectiveNode[], where: string, problems: string[]): Scope[] {
  const out: Scope[] = [];
  for (const directive of directives) {
    if (directive.name.value !== 'auth') continue;
    const requires = directive.arguments?.find((a) => a.name.value === 'requires')?.value;
    const values = requires?.kind === 'ListValue' ? requires.values : requires ? [requires] : [];
    for (const value of values) {
      if (value.kind !== 'StringValue' || !(SCOPES as readonly string[]).includes(value.value)) problems.push(`${where}: @auth names an unknown scope`);
      else out.push(value.value as Scope);
    }
  }
  return out;
}

function stringsArg(directive: ConstDirectiveNode, name: string): string[] {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  const values = value?.kind === 'ListValue' ? value.values : value ? [value] : [];
  return values.flatMap((v) => (v.kind === 'StringValue' ? [v.value] : []));
}
