import type { ArgumentNode, TypeNode, ValueNode, VariableDefinitionNode } from 'graphql';

// Reading an operation's variables and arguments straight from its AST, without graphql-js's coercion: that
// checks types with `instanceof`, which fails on a schema built by the other copy of graphql (ESM and CJS are
// both loaded under vitest; see graphqlTypeTag). Only the built-in scalars are handled; anything else is
// "unknown" (undefined / null below), and the caller then plans nothing.

const UNKNOWN = Symbol('unknown');

/** A literal's value (built-in scalar literals, null, variables), or UNKNOWN for lists, objects and enums. */
function literal(node: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  switch (node.kind) {
    case 'IntValue':
      return Number.parseInt(node.value, 10);
    case 'FloatValue':
      return Number.parseFloat(node.value);
    case 'StringValue':
    case 'BooleanValue':
      return node.value;
    case 'NullValue':
      return null;
    case 'Variable':
      return variables[node.name.value];
    default:
      return UNKNOWN;
  }
}

/** `value` coerced to the built-in scalar `name` as execution would, or UNKNOWN when it would fail. */
function scalar(name: string, value: unknown): unknown {
  switch (name) {
    case 'ID':
      return typeof value === 'string' ? value : Number.isInteger(value) ? String(value) : UNKNOWN;
    case 'String':
      return typeof value === 'string' ? value : UNKNOWN;
    case 'Int':
      return Number.isInteger(value) && Math.abs(value as number) <= 2 ** 31 - 1 ? value : UNKNOWN;
    case 'Float':
      return typeof value === 'number' && Number.isFinite(value) ? value : UNKNOWN;
    case 'Boolean':
      return typeof value === 'boolean' ? value : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function coerce(type: TypeNode, value: unknown): unknown {
  if (type.kind === 'NonNullType') return value === null || value === undefined ? UNKNOWN : coerce(type.type, value);
  if (value === null || value === undefined) return value;
  return type.kind === 'NamedType' ? scalar(type.name.value, value) : UNKNOWN;
}

/**
 * An operation's variables as execution will see them, when every one is a built-in scalar (nullable or not):
 * JSON `raw` values checked and coerced (an ID given as an integer becomes a string), absent ones from their
 * defaults. Null when a given (or defaulted) one is of another type or has the wrong type, or a required one is
 * missing: execution would refuse such a request, or this cannot tell. An absent nullable variable is left out.
 */
export function simpleVariables(definitions: readonly VariableDefinitionNode[], raw: unknown): Record<string, unknown> | null {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) return null;
  const given = (raw ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const present = Object.prototype.hasOwnProperty.call(given, name);
    const value = present ? given[name] : definition.defaultValue ? literal(definition.defaultValue, {}) : undefined;
    if (value === UNKNOWN) return null;
    const coerced = coerce(definition.type, value);
    if (coerced === UNKNOWN) return null;
    if (present || definition.defaultValue) out[name] = coerced;
  }
  return out;
}

/**
 * The value of argument `name` on a field or directive node (a literal or a variable of `variables`), `fallback`
 * when the argument is absent or its variable was not given; undefined when it is a list, object or enum literal.
 */
export function argumentValue(node: { readonly arguments?: readonly ArgumentNode[] | undefined }, name: string, variables: Readonly<Record<string, unknown>>, fallback: unknown): unknown {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return fallback;
  if (arg.value.kind === 'Variable' && !Object.prototype.hasOwnProperty.call(variables, arg.value.name.value)) return fallback;
  const value = literal(arg.value, variables);
  return value === UNKNOWN ? undefined : value;
}
