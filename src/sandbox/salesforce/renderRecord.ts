import type { SalesforceDatabase, SfRow, SfValue } from './createSalesforceDatabase.js';
import type { ResolvedField } from './resolveFieldPath.js';

/** A record as Salesforce REST renders it: `attributes` first, then the fields in the requested order. */
export type SfWireRecord = Record<string, unknown>;

/**
 * Renders `row` of `objectName` with `fields` in order. Relationship fields nest under the relationship name
 * with their own `attributes` (`"Account": {"attributes": {...}, "Name": "Acme"}`), or `null` when the
 * reference is empty. `version` (`v63.0`) goes into the `attributes.url`s.
 */
export function renderRecord(db: SalesforceDatabase, version: string, objectName: string, row: SfRow, fields: readonly ResolvedField[]): SfWireRecord {
  const out: SfWireRecord = { attributes: attributes(version, objectName, row) };
  for (const resolved of fields) {
    let target: SfWireRecord = out;
    let currentRow: SfRow | undefined = row;
    for (const hop of resolved.hops) {
      const relationship = hop.relationshipName ?? hop.name;
      const parentId: SfValue | undefined = currentRow[hop.name];
      const parentRow: SfRow | undefined = typeof parentId === 'string' && hop.referenceTo ? db.byId(hop.referenceTo, parentId) : undefined;
      if (!(relationship in target)) target[relationship] = parentRow && hop.referenceTo ? { attributes: attributes(version, hop.referenceTo, parentRow) } : null;
      const nested = target[relationship];
      if (nested === null || parentRow === undefined) {
        currentRow = undefined;
        break;
      }
      target = nested as SfWireRecord;
      currentRow = parentRow;
    }
    if (currentRow) target[resolved.field.name] = currentRow[resolved.field.name] ?? null;
  }
  return out;
}

function attributes(version: string, objectName: string, row: SfRow): { type: string; url: string } {
  return { type: objectName, url: `/services/data/${version}/sobjects/${objectName}/${String(row['Id'])}` };
}
