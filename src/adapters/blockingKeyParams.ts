import type { BlockingKey } from './types.js';

/**
 * For every {@link BlockingKey} kind, the key fields a declarative source (`kind: postgres`, `kind: rest`)
 * can bind, by the parameter name its config uses: a Postgres statement gets each as an array (one element
 * per key of the batch, `null` where a key lacks it), a REST template gets the key itself as `$key`.
 * Typed against the port, so a new key kind fails the typecheck until it has a line here; its searches are
 * then new config entries (`search: { <kind>: ... }`) with no other code.
 */
export const BLOCKING_KEY_PARAMS = {
  email: { values: 'value' },
  phone: { values: 'value' },
  name: { families: 'family', givens: 'given' },
  namePhonetic: { families: 'family', givens: 'given' },
  namePrefix: { families: 'family', givens: 'given' },
  birthDate: { values: 'value' },
  postcodeStreet: { postcodes: 'postcode', streets: 'street' },
  identifier: { types: 'type', values: 'value' },
  orderNumber: { values: 'value' },
  ticketNumber: { values: 'value' },
} as const satisfies { readonly [K in BlockingKey['kind']]: Readonly<Record<string, Exclude<keyof Extract<BlockingKey, { kind: K }>, 'kind'>>> };

/** Every blocking key kind this build knows, for config validation (`search.<kind>`). */
export const BLOCKING_KEY_KINDS = Object.keys(BLOCKING_KEY_PARAMS) as ReadonlyArray<BlockingKey['kind']>;

/** True when `kind` names a blocking key kind of this build. */
export function isBlockingKeyKind(kind: string): kind is BlockingKey['kind'] {
  return Object.hasOwn(BLOCKING_KEY_PARAMS, kind);
}

/**
 * The named parameters of `kind` bound for a batch of keys: one array per parameter, in key order. Pure.
 */
export function blockingKeyParams(kind: BlockingKey['kind'], keys: readonly BlockingKey[]): Record<string, Array<string | null>> {
  const params: Record<string, Array<string | null>> = {};
  for (const [param, field] of Object.entries(BLOCKING_KEY_PARAMS[kind])) {
    params[param] = keys.map((key) => {
      const value = (key as unknown as Record<string, unknown>)[field];
      return typeof value === 'string' ? value : null;
    });
  }
  return params;
}
