import { compileCondition, filterableField } from './compileCondition.js';
import type { SalesforceDatabase, SfRow } from './createSalesforceDatabase.js';
import { renderRecord } from './renderRecord.js';
import type { SfWireRecord } from './renderRecord.js';
import { readFieldValue, resolveFieldPath } from './resolveFieldPath.js';
import { invalidType, malformedQuery } from './SalesforceFakeError.js';
import { findObject } from './salesforceSchema.js';
import { compareKeys, rowValueKey } from './sfValueKey.js';
import type { SoqlQuery } from './SoqlQuery.js';

/**
 * Runs a parsed query against the fake org: checks the object and fields, filters, sorts (stable, nulls
 * first unless `NULLS LAST`), applies OFFSET and LIMIT and renders every record. Paging is the caller's job.
 * Throws {@link SalesforceFakeError}: `INVALID_TYPE` for an unknown object, `INVALID_FIELD` for an unknown
 * field, `MALFORMED_QUERY` for a field selected twice, plus the WHERE errors of {@link compileCondition}.
 */
export function executeSoql(db: SalesforceDatabase, query: SoqlQuery, version: string): SfWireRecord[] {
  const object = findObject(query.object);
  if (!object) throw invalidType(query.object);
  const fields = query.fields.map((path) => resolveFieldPath(object, path));
  const seen = new Set<string>();
  for (const field of fields) {
    const key = field.path.join('.').toLowerCase();
    if (seen.has(key)) throw malformedQuery(`duplicate field selected: ${field.path.join('.')}`);
    seen.add(key);
  }
  const predicate = query.where ? compileCondition(db, object, query.where) : () => true;
  const order = query.orderBy.map((item) => ({ ...item, resolved: filterableField(object, item.field) }));
  let rows: SfRow[] = db.rows(object.name).filter(predicate);
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
  return rows.slice(start, end).map((row) => renderRecord(db, version, object.name, row, fields));
}
