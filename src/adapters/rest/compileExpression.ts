import jsonata from 'jsonata';

/** A compiled JSONata expression (https://docs.jsonata.org) from a `kind: rest` config. */
export interface Expression {
  readonly source: string;
  /** Evaluates against `input` with `bindings` as `$name` variables; rejects with JSONata's error (code and position). */
  evaluate(input: unknown, bindings?: Readonly<Record<string, unknown>>): Promise<unknown>;
}

/** Compiles a JSONata expression; throws an Error with JSONata's message and position for bad syntax. */
export function compileExpression(source: string): Expression {
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(source);
  } catch (error) {
    const e = error as { message?: string; position?: number };
    throw new Error(`not a valid JSONata expression: ${e.message ?? String(error)}${e.position === undefined ? '' : ` (at character ${e.position})`}`);
  }
  return {
    source,
    async evaluate(input, bindings = {}) {
      // JSONata returns undefined for "no match" and marks sequences with an extra property; normalise to JSON.
      const value: unknown = await compiled.evaluate(input, { ...bindings });
      return value;
    },
  };
}

/** A JSONata result as a list: undefined/null → [], an array as is, anything else → [it]. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...(value as unknown[])] : [value];
}
