import { compileCondition, filterableField } from './compileCondition.js';
import type { SalesforceDatabase, SfRow } from './createSalesforceDatabase.js';
import { renderRecord } from './renderRecord.js';
import type { SfWireRecord } from './renderRecord.js';
import { readFieldValue, resolveFieldPath, type ResolvedField } from './resolveFieldPath.js';
import { invalidType, malformedQuery, SalesforceFakeError } from './SalesforceFakeError.js';
import { findChildRelationship, findObject, type SfObjectDef } from './salesforceSchema.js';
import { compareKeys, rowValueKey } from './sfValueKey.js';
import type { SoqlQuery } from './SoqlQuery.js';

/**
 * Runs a parsed query against the fake org: checks the object and fields, filters, sorts (stable, nulls
 * first unless `NULLS LAST`), applies OFFSET and LIMIT and renders every record. Each parent-to-child
 * sub-query (`(SELECT … FROM Cases …)`) is run per parent row on its child object, filtered to the parent,
 * and rendered under the relationship name as Salesforce does: `{totalSize, done: true, records}`, or `null`
 * when the parent has no such children. Paging is the caller's job.
 * Throws {@link SalesforceFakeError}: `INVALID_TYPE` for an unknown object or child relationship,
 * `INVALID_FIELD` for an unknown field, `MALFORMED_QUERY` for a field selected twice, plus the WHERE errors
 * of {@link compileCondition}.
 */
export function executeSoql(db: SalesforceDatabase, query: SoqlQuery, version: string): SfWireRecord[] {
  const object = findObject(query.object);
  if (!object) throw invalidType(query.object);
  const children = query.subqueries.map((sub) => {
    const relationship = findChildRelationship(object, sub.object);
    const childObject = relationship ? findObject(relationship.childObject) : undefined;
    if (!relationship || !childObject) {
      throw new SalesforceFakeError(400, 'INVALID_TYPE', `Didn't understand relationship '${sub.object}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`);
    }
    return { relationship, childObject, fields: resolveFields(childObject, sub), select: selector(db, childObject, sub) };
  });
  const fields = resolveFields(object, query);
  return selector(db, object, query)(() => true).map((row) => {
    const record = renderRecord(db, version, object.name, row, fields);
    for (const child of children) {
      const rows = child.select((childRow) => childRow[child.relationship.field] === row['Id']);
      record[child.relationship.name] = rows.length === 0 ? null : { totalSize: rows.length, done: true, records: rows.map((r) => renderRecord(db, version, child.childObject.name, r, child.fields)) };
    }
    return record;
  });
}

function resolveFields(object: SfObjectDef, query: SoqlQuery): ResolvedField[] {
  const fields = query.fields.map((path) => resolveFieldPath(object, path));
  const seen = new Set<string>();
  for (const field of fields) {
    const key = field.path.join('.').toLowerCase();
    if (seen.has(key)) throw malformedQuery(`duplicate field selected: ${field.path.join('.')}`);
    seen.add(key);
  }
  return fields;
}

/** Filters (WHERE plus `extra`), sorts, and applies OFFSET and LIMIT to `object`'s rows. */
function selector(db: SalesforceDatabase, object: SfObjectDef, query: SoqlQuery): (extra: (row: SfRow) => boolean) => SfRow[] {
  const predicate = query.where ? compileCondition(db, object, query.where) : () => true;
  const order = query.orderBy.map((item) => ({ ...item, resolved: filterableField(object, item.field) }));
  return (extra) => {
    let rows: SfRow[] = db.rows(object.name).filter((row) => extra(row) && predicate(row));
    if (order.length > 0) {
      rows = rows
        .map((row, index) => ({ row, index, keys: order.map((o) => rowValueKey(o.resolved.field.type, readFieldValue(db, row, o.resolved))) }))
        .sort((a, b) => {
          for (const [i, item] of order.entries()) {
            const ka = a.keys[i] ?? null;
            const kb = b.keys[i] ?? null;
            if (ka === null && kb === null) continue;
            if (ka === null || kb === null) return (ka === null) === (item.nulls === 'FIRST') ? -1 : 1;
            const cmp = compareKeys(ka, kb);
            if (cmp !== 0) return item.direction === 'ASC' ? cmp : -cmp;
          }
          return a.index - b.index;
        })
        .map((entry) => entry.row);
    }
    const start = query.offset ?? 0;
    const end = query.limit === null ? undefined : start + query.limit;
    return rows.slice(start, end);
  };
}
