import type { SalesforceDatabase, SfRow } from './createSalesforceDatabase.js';
import { compileLikePattern } from './compileLikePattern.js';
import { isSalesforceId } from './isSalesforceId.js';
import { readFieldValue, resolveFieldPath } from './resolveFieldPath.js';
import type { ResolvedField } from './resolveFieldPath.js';
import { malformedQuery, SalesforceFakeError } from './SalesforceFakeError.js';
import type { SfObjectDef } from './salesforceSchema.js';
import { isTextType } from './salesforceSchema.js';
import { compareKeys, literalKey, rowValueKey } from './sfValueKey.js';
import type { SoqlCondition, SoqlValue } from './SoqlQuery.js';

/** A compiled WHERE clause. */
export type RowPredicate = (row: SfRow) => boolean;

/**
 * Checks a WHERE clause against the schema and compiles it to a predicate over rows of `object`.
 * Semantics follow SOQL: text compares case-insensitively; `!=` and `NOT IN` also match nulls; ordering
 * operators never match nulls. Throws {@link SalesforceFakeError}: `INVALID_FIELD` for unknown or
 * non-filterable fields, `MALFORMED_QUERY` for a literal of the wrong type (a quoted date, an unquoted
 * string), `INVALID_QUERY_FILTER_OPERATOR` for a malformed id literal or an operator the type does not allow.
 */
export function compileCondition(db: SalesforceDatabase, object: SfObjectDef, condition: SoqlCondition): RowPredicate {
  switch (condition.kind) {
    case 'and': {
      const parts = condition.operands.map((c) => compileCondition(db, object, c));
      return (row) => parts.every((p) => p(row));
    }
    case 'or': {
      const parts = condition.operands.map((c) => compileCondition(db, object, c));
      return (row) => parts.some((p) => p(row));
    }
    case 'not': {
      const inner = compileCondition(db, object, condition.operand);
      return (row) => !inner(row);
    }
    case 'compare': {
      const field = filterableField(object, condition.field);
      checkLiteral(field, condition.value);
      const type = field.field.type;
      if (type === 'boolean' && condition.operator !== '=' && condition.operator !== '!=' && condition.operator !== '<>') {
        throw new SalesforceFakeError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid operator on boolean field: ${condition.operator}`);
      }
      const wanted = literalKey(type, condition.value);
      const op = condition.operator;
      return (row) => {
        const actual = rowValueKey(type, readFieldValue(db, row, field));
        if (op === '=') return actual === wanted;
        if (op === '!=' || op === '<>') return actual !== wanted;
        if (actual === null || wanted === null) return false;
        const order = compareKeys(actual, wanted);
        return op === '<' ? order < 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order >= 0;
      };
    }
    case 'in': {
      const field = filterableField(object, condition.field);
      for (const value of condition.values) checkLiteral(field, value);
      const wanted = new Set(condition.values.map((v) => literalKey(field.field.type, v)));
      const negated = condition.negated;
      return (row) => wanted.has(rowValueKey(field.field.type, readFieldValue(db, row, field))) !== negated;
    }
    case 'like': {
      const field = filterableField(object, condition.field);
      if (!isTextType(field.field.type)) {
        throw new SalesforceFakeError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid operator on ${field.field.type} field: LIKE (${field.path.join('.')})`);
      }
      const pattern = compileLikePattern(condition.pattern);
      return (row) => {
        const value = readFieldValue(db, row, field);
        return typeof value === 'string' && pattern.test(value);
      };
    }
    default: {
      const unreachable: never = condition;
      return unreachable;
    }
  }
}

/** Resolves a field used in WHERE or ORDER BY; long text areas cannot be used there. */
export function filterableField(object: SfObjectDef, path: readonly string[]): ResolvedField {
  const field = resolveFieldPath(object, path);
  if (field.field.filterable === false) {
    throw new SalesforceFakeError(400, 'INVALID_FIELD', `field '${field.path.join('.')}' can not be filtered in a query call`);
  }
  return field;
}

function checkLiteral(resolved: ResolvedField, value: SoqlValue): void {
  if (value.kind === 'null') return;
  if (value.kind === 'string' && hasLikeOnlyEscape(value.raw)) {
    // https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm
    throw malformedQuery(`Invalid string literal '${value.raw}'. Illegal character sequence '\\%' or '\\_' outside a LIKE expression.`);
  }
  const name = resolved.path.join('.');
  const type = resolved.field.type;
  const expected: SoqlValue['kind'] =
    type === 'boolean' ? 'boolean' : type === 'date' ? 'date' : type === 'datetime' ? 'datetime' : type === 'int' ? 'number' : 'string';
  if (value.kind !== expected) {
    const quoted = expected === 'string' ? 'should be enclosed in quotes' : 'should not be enclosed in quotes';
    throw malformedQuery(`value of filter criterion for field '${name}' must be of type ${type === 'datetime' ? 'dateTime' : type} and ${quoted}`);
  }
  if ((type === 'id' || type === 'reference') && value.kind === 'string' && !isSalesforceId(value.value)) {
    throw new SalesforceFakeError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${value.value}`);
  }
}

/** True when a literal's raw text holds `\%` or `\_`, escapes SOQL allows only in LIKE patterns. */
function hasLikeOnlyEscape(raw: string): boolean {
  for (let i = 0; i < raw.length; i += 1) {
    if (raw.charAt(i) !== '\\') continue;
    const next = raw.charAt(i + 1);
    if (next === '%' || next === '_') return true;
    i += 1;
  }
  return false;
}
