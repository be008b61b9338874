import type { FakeRoute } from '../fakeTypes.js';
import { isSalesforceId } from './isSalesforceId.js';
import { renderRecord } from './renderRecord.js';
import type { SalesforceFakeContext } from './SalesforceFakeContext.js';
import { SalesforceFakeError } from './SalesforceFakeError.js';
import { findObject } from './salesforceSchema.js';
import { selectDirectFields } from './selectDirectFields.js';
import { withSalesforceErrors } from './withSalesforceErrors.js';

/**
 * The sObject Rows resource: `GET …/sobjects/{Type}/{id}[?fields=A,B]`. An unknown type or record answers
 * 404 `NOT_FOUND`; an id that is not a 15/18-char id of that type answers 400 `MALFORMED_ID` with
 * `"fields":["Id"]`; an unknown field 400 `INVALID_FIELD`.
 */
export function createSObjectRoute(ctx: SalesforceFakeContext): FakeRoute {
  return {
    name: 'sobject',
    method: 'GET',
    pattern: /^\/services\/data\/(v\d+\.\d+)\/sobjects\/([^/]+)\/([^/]+)$/,
    handler: withSalesforceErrors((req, match) => {
      const [, version = '', typeName = '', id = ''] = match;
      const object = findObject(typeName);
      if (!object) throw notFound();
      if (!isSalesforceId(id, object.keyPrefix)) {
        throw new SalesforceFakeError(400, 'MALFORMED_ID', `${object.name} ID: id value of incorrect type: ${id}`, ['Id']);
      }
      const fieldsParam = req.query.get('fields');
      const fields = selectDirectFields(object, fieldsParam === null ? undefined : fieldsParam.split(','));
      const row = ctx.db.byId(object.name, id);
      if (!row) throw notFound();
      return { status: 200, body: renderRecord(ctx.db, version, object.name, row, fields) };
    }),
  };
}

function notFound(): SalesforceFakeError {
  return new SalesforceFakeError(404, 'NOT_FOUND', 'The requested resource does not exist');
}
