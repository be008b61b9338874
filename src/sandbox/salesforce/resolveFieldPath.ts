import type { SalesforceDatabase, SfRow, SfValue } from './createSalesforceDatabase.js';
import { invalidField, SalesforceFakeError } from './SalesforceFakeError.js';
import { findField, findObject, findRelationship } from './salesforceSchema.js';
import type { SfFieldDef, SfObjectDef } from './salesforceSchema.js';
import type { SoqlFieldPath } from './SoqlQuery.js';

/** A field path checked against the schema: the reference fields walked, then the target field. */
export interface ResolvedField {
  /** Canonical names (`['Account', 'Name']`), used as output keys. */
  readonly path: readonly string[];
  /** Reference fields walked, in order (`AccountId` for `Account.Name`). */
  readonly hops: readonly SfFieldDef[];
  readonly field: SfFieldDef;
}

/**
 * Resolves `Name` or `Account.Name` on `object`, case-insensitively. Throws an `INVALID_FIELD`
 * {@link SalesforceFakeError} naming the unknown field or relationship.
 */
export function resolveFieldPath(object: SfObjectDef, written: SoqlFieldPath): ResolvedField {
  const hops: SfFieldDef[] = [];
  const path: string[] = [];
  let current = object;
  for (const [index, segment] of written.entries()) {
    if (index === written.length - 1) {
      const field = findField(current, segment);
      if (!field) throw invalidField(written.join('.'), current.name);
      path.push(field.name);
      return { path, hops, field };
    }
    const reference = findRelationship(current, segment);
    const parent = reference?.referenceTo === undefined ? undefined : findObject(reference.referenceTo);
    if (!reference?.relationshipName || !parent) {
      throw new SalesforceFakeError(
        400,
        'INVALID_FIELD',
        `Didn't understand relationship '${segment}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    hops.push(reference);
    path.push(reference.relationshipName);
    current = parent;
  }
  throw invalidField('', object.name);
}

/** Reads a resolved field from `row`, following references; null when a parent is missing. */
export function readFieldValue(db: SalesforceDatabase, row: SfRow, resolved: ResolvedField): SfValue {
  let current: SfRow | undefined = row;
  for (const hop of resolved.hops) {
    const parentId: SfValue | undefined = current[hop.name];
    current = typeof parentId === 'string' && hop.referenceTo ? db.byId(hop.referenceTo, parentId) : undefined;
    if (!current) return null;
  }
  return current[resolved.field.name] ?? null;
}
