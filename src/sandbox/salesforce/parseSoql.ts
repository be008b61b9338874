import { SoqlParser } from './SoqlParser.js';
import type { SoqlCondition, SoqlFieldPath, SoqlOrderItem, SoqlQuery } from './SoqlQuery.js';
import { tokenizeSoql } from './tokenizeSoql.js';

/**
 * Parses the SOQL subset the fake serves (recursive descent over {@link tokenizeSoql}):
 * `SELECT f, Rel.f, (SELECT f FROM ChildRelationship [WHERE …] [ORDER BY …] [LIMIT n]) FROM Object [WHERE cond]
 * [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n] [OFFSET n]`, where `cond` combines
 * `=  !=  <>  <  >  <=  >=`, `[NOT] IN (...)`, `LIKE`, `NOT`, `AND`, `OR` and parentheses.
 * As in real SOQL, `AND` and `OR` cannot be mixed at one level without parentheses, and sub-queries nest one
 * level only. Keywords and field names are case-insensitive. Names are not checked against the schema here.
 * Throws a `MALFORMED_QUERY` {@link SalesforceFakeError} for text outside the grammar.
 */
export function parseSoql(text: string): SoqlQuery {
  const p = new SoqlParser(tokenizeSoql(text));
  const query = parseQuery(p, false);
  p.expectEnd();
  return query;
}

function parseQuery(p: SoqlParser, nested: boolean): SoqlQuery {
  p.expectKeyword('SELECT');
  const fields: SoqlFieldPath[] = [];
  const subqueries: SoqlQuery[] = [];
  do {
    if (p.acceptPunctuation('(')) {
      if (nested) throw p.error('sub-queries nest one level only');
      subqueries.push(parseQuery(p, true));
      p.expectPunctuation(')');
    } else fields.push(p.fieldPath());
  } while (p.acceptPunctuation(','));
  if (fields.length === 0) throw p.error('SELECT needs at least one field');
  p.expectKeyword('FROM');
  const object = p.expectIdentifier();
  const where = p.acceptKeyword('WHERE') ? condition(p) : null;
  const orderBy: SoqlOrderItem[] = [];
  if (p.acceptKeyword('ORDER')) {
    p.expectKeyword('BY');
    do orderBy.push(orderItem(p));
    while (p.acceptPunctuation(','));
  }
  const limit = p.acceptKeyword('LIMIT') ? p.integer('LIMIT') : null;
  const offset = !nested && p.acceptKeyword('OFFSET') ? p.integer('OFFSET') : null;
  return { fields, subqueries, object, where, orderBy, limit, offset };
}

/** `unary ((AND|OR) unary)*` with a single connective per level. */
function condition(p: SoqlParser): SoqlCondition {
  const first = unary(p);
  const connective = p.atKeyword('AND') ? 'AND' : p.atKeyword('OR') ? 'OR' : null;
  if (connective === null) return first;
  const operands = [first];
  while (p.acceptKeyword(connective)) operands.push(unary(p));
  if (p.atKeyword('AND') || p.atKeyword('OR')) throw p.unexpected('AND and OR need parentheses when mixed');
  return { kind: connective === 'AND' ? 'and' : 'or', operands };
}

function unary(p: SoqlParser): SoqlCondition {
  if (p.acceptKeyword('NOT')) return { kind: 'not', operand: unary(p) };
  if (p.acceptPunctuation('(')) {
    const inner = condition(p);
    p.expectPunctuation(')');
    return inner;
  }
  return predicate(p);
}

function predicate(p: SoqlParser): SoqlCondition {
  const field = p.fieldPath();
  const token = p.peek();
  if (token.type === 'operator') {
    p.next();
    return { kind: 'compare', field, operator: token.text, value: p.value() };
  }
  if (p.acceptKeyword('LIKE')) {
    const pattern = p.next();
    if (pattern.type !== 'string') throw p.error('LIKE needs a string literal');
    return { kind: 'like', field, pattern: pattern.raw };
  }
  const negated = p.atKeyword('NOT') && p.atKeyword('IN', 1);
  if (negated) p.next();
  if (p.acceptKeyword('IN')) {
    p.expectPunctuation('(');
    if (p.atKeyword('SELECT')) throw p.error('semi-join sub-selects are not supported by the sandbox');
    const values = [p.value()];
    while (p.acceptPunctuation(',')) values.push(p.value());
    p.expectPunctuation(')');
    return { kind: 'in', field, negated, values };
  }
  throw p.unexpected('expecting an operator');
}

function orderItem(p: SoqlParser): SoqlOrderItem {
  const field = p.fieldPath();
  let direction: 'ASC' | 'DESC' = 'ASC';
  if (p.acceptKeyword('DESC')) direction = 'DESC';
  else p.acceptKeyword('ASC');
  let nulls: 'FIRST' | 'LAST' = 'FIRST';
  if (p.acceptKeyword('NULLS')) {
    if (p.acceptKeyword('LAST')) nulls = 'LAST';
    else p.expectKeyword('FIRST');
  }
  return { field, direction, nulls };
}
