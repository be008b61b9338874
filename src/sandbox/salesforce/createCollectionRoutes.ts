import type { FakeRequest, FakeResponse, FakeRoute } from '../fakeTypes.js';
import { isSalesforceId } from './isSalesforceId.js';
import { renderRecord } from './renderRecord.js';
import type { SalesforceFakeContext } from './SalesforceFakeContext.js';
import { invalidType, SalesforceFakeError } from './SalesforceFakeError.js';
import { findObject } from './salesforceSchema.js';
import { selectDirectFields } from './selectDirectFields.js';
import { withSalesforceErrors } from './withSalesforceErrors.js';

/** Ids a GET may carry before the URL is too long for Salesforce. */
const MAX_GET_IDS = 800;
/** Ids a POST body may carry. */
const MAX_POST_IDS = 2000;
const PATTERN = /^\/services\/data\/(v\d+\.\d+)\/composite\/sobjects\/([^/]+)$/;

/**
 * The sObject Collections retrieve resource: `GET …/composite/sobjects/{Type}?ids=a,b&fields=F1,F2`
 * (more than 800 ids → 414) and `POST` of `{"ids": [...], "fields": [...]}` (more than 2000 → 400).
 * The answer is an array in request order with `null` for ids that are unknown, malformed or of another type.
 */
export function createCollectionRoutes(ctx: SalesforceFakeContext): FakeRoute[] {
  const retrieve = (version: string, typeName: string, ids: readonly string[], fieldNames: readonly string[]): FakeResponse => {
    const object = findObject(typeName);
    if (!object) throw invalidType(typeName);
    const fields = selectDirectFields(object, fieldNames);
    const body = ids.map((id) => {
      const row = isSalesforceId(id, object.keyPrefix) ? ctx.db.byId(object.name, id) : undefined;
      return row ? renderRecord(ctx.db, version, object.name, row, fields) : null;
    });
    return { status: 200, body };
  };
  return [
    {
      name: 'collections',
      method: 'GET',
      pattern: PATTERN,
      handler: withSalesforceErrors((req, match) => {
        const ids = listParam(req, 'ids');
        if (ids.length > MAX_GET_IDS) {
          return { status: 414, body: [{ message: `Request-URI Too Long: more than ${MAX_GET_IDS} ids; use POST`, errorCode: 'URI_TOO_LONG' }] };
        }
        return retrieve(match[1] ?? '', match[2] ?? '', ids, listParam(req, 'fields'));
      }),
    },
    {
      name: 'collections',
      method: 'POST',
      pattern: PATTERN,
      handler: withSalesforceErrors((req, match) => {
        const { ids, fields } = readBody(req.body);
        if (ids.length > MAX_POST_IDS) throw new SalesforceFakeError(400, 'LIMIT_EXCEEDED', `ids: more than ${MAX_POST_IDS} ids in one request`);
        return retrieve(match[1] ?? '', match[2] ?? '', ids, fields);
      }),
    },
  ];
}

function listParam(req: FakeRequest, name: string): string[] {
  const value = req.query.get(name);
  if (value === null || value.trim() === '') throw new SalesforceFakeError(400, 'MISSING_ARGUMENT', `${name}: the ${name} parameter is required`);
  return value.split(',');
}

function readBody(text: string): { ids: string[]; fields: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SalesforceFakeError(400, 'JSON_PARSER_ERROR', 'Unexpected character in the request body: not valid JSON');
  }
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { ids?: unknown; fields?: unknown };
  for (const key of ['ids', 'fields'] as const) {
    const list = body[key];
    if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string')) {
      throw new SalesforceFakeError(400, 'MISSING_ARGUMENT', `${key}: a non-empty array of strings is required`);
    }
  }
  return { ids: body.ids as string[], fields: body.fields as string[] };
}
