import { createHmac, randomUUID } from 'node:crypto';
import type { WebhookSender } from '../createWebhookSender.js';
import type { FakeRoute } from '../fakeTypes.js';
import type { SfValue } from './createSalesforceDatabase.js';
import { isSalesforceId } from './isSalesforceId.js';
import type { SalesforceFakeContext } from './SalesforceFakeContext.js';
import { SalesforceFakeError } from './SalesforceFakeError.js';
import { findObject } from './salesforceSchema.js';
import { withSalesforceErrors } from './withSalesforceErrors.js';

/** Fields the fake lets a PATCH change, per object; `boolean` fields take true/false, the others text or null. */
const UPDATABLE: Readonly<Record<string, Readonly<Record<string, 'string' | 'boolean'>>>> = {
  Contact: { FirstName: 'string', LastName: 'string', Email: 'string', Phone: 'string', MobilePhone: 'string', MailingStreet: 'string', MailingCity: 'string', MailingState: 'string', MailingPostalCode: 'string', MailingCountry: 'string', HasOptedOutOfEmail: 'boolean', DoNotCall: 'boolean' },
  Case: { Subject: 'string', Status: 'string', Priority: 'string' },
};

/**
 * `PATCH /services/data/vXX.X/sobjects/{Contact|Case}/{id}` with a JSON object of fields (REST API "Update a
 * Record", https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm):
 * 204 without a body; 404 `NOT_FOUND`; 400 `MALFORMED_ID`, `JSON_PARSER_ERROR`, `INVALID_FIELD` (unknown
 * field), `INVALID_FIELD_FOR_INSERT_UPDATE` (a field the fake does not let change), `REQUIRED_FIELD_MISSING`
 * (empty LastName). Then, when the sender has a target, the change as a Change Data Capture event relayed to the
 * gateway's signed endpoint (`X-C360-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`): Salesforce
 * itself sends no signed webhooks, so this plays the CDC relay; a Case event carries `ContactId` as an
 * enriched field.
 */
export function createSObjectUpdateRoute(ctx: SalesforceFakeContext, webhooks: WebhookSender): FakeRoute {
  return {
    name: 'sobject.update',
    method: 'PATCH',
    pattern: /^\/services\/data\/(v\d+\.\d+)\/sobjects\/([^/]+)\/([^/]+)$/,
    handler: withSalesforceErrors((req, match) => {
      const [, version = '', typeName = '', id = ''] = match;
      const object = findObject(typeName);
      if (!object) throw new SalesforceFakeError(404, 'NOT_FOUND', 'The requested resource does not exist');
      if (!isSalesforceId(id, object.keyPrefix)) throw new SalesforceFakeError(400, 'MALFORMED_ID', `${object.name} ID: id value of incorrect type: ${id}`, ['Id']);
      let body: unknown;
      try {
        body = JSON.parse(req.body);
      } catch {
        throw new SalesforceFakeError(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SalesforceFakeError(400, 'JSON_PARSER_ERROR', 'Expected a JSON object of fields');
      const fields: Record<string, SfValue> = {};
      for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
        const field = object.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
        if (!field) throw new SalesforceFakeError(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${object.name}`);
        const type = UPDATABLE[object.name]?.[field.name];
        if (!type) throw new SalesforceFakeError(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, [field.name]);
        if (type === 'boolean' ? typeof value !== 'boolean' : value !== null && typeof value !== 'string') throw new SalesforceFakeError(400, 'JSON_PARSER_ERROR', `Cannot deserialize instance of ${type} from ${JSON.stringify(value)} for ${field.name}`);
        fields[field.name] = value === '' ? null : (value as SfValue);
      }
      if (object.name === 'Contact' && 'LastName' in fields && fields['LastName'] === null) throw new SalesforceFakeError(400, 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [LastName]', ['LastName']);
      const row = ctx.db.update(object.name, id, fields);
      if (!row) throw new SalesforceFakeError(404, 'NOT_FOUND', 'The requested resource does not exist');
      const changedFields = [...Object.keys(fields), 'LastModifiedDate'];
      const event = JSON.stringify({
        ChangeEventHeader: {
          entityName: object.name,
          recordIds: [row['Id']],
          changeType: 'UPDATE',
          changedFields,
          changeOrigin: `com/salesforce/api/rest/${version.slice(1)}`,
          transactionKey: randomUUID(),
          sequenceNumber: 1,
          commitTimestamp: Date.now(),
          commitNumber: Date.now() * 1000,
          commitUser: '005000000000001AAA',
        },
        ...fields,
        LastModifiedDate: row['LastModifiedDate'],
        ...(object.name === 'Case' ? { ContactId: row['ContactId'] } : {}),
      });
      webhooks.send((secret) => {
        const t = String(Math.floor(Date.now() / 1000));
        return { body: event, headers: { 'x-c360-signature': `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${event}`).digest('hex')}` } };
      });
      return { status: 204, body: '' };
    }),
  };
}
