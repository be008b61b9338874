import { resolveFieldPath } from './resolveFieldPath.js';
import type { ResolvedField } from './resolveFieldPath.js';
import { invalidField } from './SalesforceFakeError.js';
import type { SfObjectDef } from './salesforceSchema.js';

/**
 * The fields named in a `fields` list of the sObject Rows and Collections resources: direct fields only
 * (no `Account.Name`), every one of them when `names` is undefined. Throws `INVALID_FIELD` naming a bad one.
 */
export function selectDirectFields(object: SfObjectDef, names: readonly string[] | undefined): ResolvedField[] {
  if (names === undefined) return object.fields.map((field) => ({ path: [field.name], hops: [], field }));
  return names.map((name) => {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.includes('.')) throw invalidField(trimmed, object.name);
    return resolveFieldPath(object, [trimmed]);
  });
}
