import type { SfValue } from './createSalesforceDatabase.js';
import { parseSalesforceDateTime } from './formatSalesforceDateTime.js';
import { salesforceIdKey } from './isSalesforceId.js';
import type { SfFieldType } from './salesforceSchema.js';
import { isTextType } from './salesforceSchema.js';
import type { SoqlValue } from './SoqlQuery.js';

/** A value reduced to something `===`, `<` and `>` compare the way SOQL does for its field type. */
export type SfKey = string | number;

/**
 * The comparison key of a stored value: text lower-cased (SOQL compares text case-insensitively), ids by
 * their 15-char form, date-times as epoch ms, booleans as 0/1. Null stays null.
 */
export function rowValueKey(type: SfFieldType, value: SfValue): SfKey | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (isTextType(type)) return value.toLowerCase();
  if (type === 'id' || type === 'reference') return salesforceIdKey(value);
  if (type === 'datetime') return parseSalesforceDateTime(value);
  return value;
}

/** The comparison key of a literal, on the same scale as {@link rowValueKey} for `type`. */
export function literalKey(type: SfFieldType, literal: SoqlValue): SfKey | null {
  switch (literal.kind) {
    case 'null':
      return null;
    case 'boolean':
      return literal.value ? 1 : 0;
    case 'number':
      return literal.value;
    case 'datetime':
      return literal.epochMs;
    case 'date':
      return literal.value;
    case 'string':
      return rowValueKey(type, literal.value);
    default: {
      const unreachable: never = literal;
      return unreachable;
    }
  }
}

/** Orders two non-null keys: negative, zero or positive. */
export function compareKeys(a: SfKey, b: SfKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
