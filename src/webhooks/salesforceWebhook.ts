import type { IncomingHttpHeaders } from 'node:http';
import { GatewayErrorCode } from '../errors.js';
import { checkTimestamp } from './checkTimestamp.js';
import { hmacSha256, signaturesEqual } from './hmacSha256.js';
import { lookupKeysOf } from './lookupKeysOf.js';
import { toSalesforceId18 } from './toSalesforceId18.js';
import type { WebhookMeaning, WebhookVendorHandler } from './WebhookVendorHandler.js';

/** The signature header of the Salesforce endpoint (a scheme of ours: Salesforce has no signed outbound webhook). */
export const SALESFORCE_SIGNATURE_HEADER = 'x-c360-signature';

/** Which field of a changed object names the Contact whose cached data it changes. */
const CONTACT_FIELD: Readonly<Record<string, string>> = { Case: 'ContactId', Task: 'WhoId' };

/**
 * The signed generic endpoint for Salesforce (`POST /webhooks/salesforce`), for a Flow HTTP callout or a
 * Change Data Capture relay (a small service subscribed to `/data/ContactChangeEvent` etc. through the Pub/Sub
 * API that forwards each event). Salesforce signs neither, so the sender signs like Stripe does:
 * - `X-C360-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` under the shared secret;
 *   several `v1=` entries may be sent while a secret is rotated (one must match); `t` is refused beyond the
 *   tolerance either way.
 * - body, either a CDC event as the Pub/Sub API decodes it,
 *   https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields_header.htm :
 *   `{ "ChangeEventHeader": { "entityName": "Contact", "recordIds": ["003…"], "changeType": "UPDATE",
 *   "transactionKey": "…", "sequenceNumber": 1 }, "Email": "…" }` (Case and Task events must carry `ContactId` /
 *   `WhoId`, e.g. as enriched fields), or records as a Flow sends them:
 *   `{ "records": [{ "attributes": { "type": "Contact" }, "Id": "003…", "Email": "…" }, { "attributes": { "type": "Case" }, "Id": "500…", "ContactId": "003…" }] }`.
 * - replays: `transactionKey:sequenceNumber` (CDC), else a top-level `eventId`, else the signature, is remembered.
 * Contact ids of 15 characters are turned into the 18-character form the adapter's refs use.
 */
export const salesforceWebhook: WebhookVendorHandler = {
  verify(headers, raw, ctx) {
    const value = headers[SALESFORCE_SIGNATURE_HEADER];
    const parts = typeof value === 'string' ? value.split(',').map((part) => part.trim().split('=')) : [];
    const t = parts.find(([name]) => name === 't')?.[1];
    const candidates = parts.filter(([name, digest]) => name === 'v1' && digest !== undefined).map(([, digest]) => digest!);
    const expected = t === undefined ? '' : hmacSha256(ctx.secret, [`${t}.`, raw], 'hex');
    if (t === undefined || !/^\d{1,12}$/.test(t) || !candidates.some((digest) => signaturesEqual(digest, expected))) {
      return { status: 401, code: GatewayErrorCode.WebhookSignatureInvalid, outcome: 'signature_invalid', message: 'X-C360-Signature is missing, malformed (t=<unix seconds>,v1=<hex>) or does not match "<t>.<body>"' };
    }
    const stale = checkTimestamp(Number(t) * 1000, 'X-C360-Signature t', ctx.nowMs, ctx.toleranceSeconds);
    if (stale) return stale;
    return { deliveryId: `salesforce:${expected}` };
  },
  interpret(_headers: IncomingHttpHeaders, body, ctx): WebhookMeaning {
    if (!isObject(body)) return { kind: 'malformed', reason: 'the body is not a JSON object' };
    const header = body['ChangeEventHeader'];
    if (isObject(header)) return cdcChange(body, header, ctx.defaultRegion);
    const records = body['records'];
    if (!Array.isArray(records) || records.length === 0) return { kind: 'malformed', reason: 'expected a ChangeEventHeader or a non-empty records array' };
    const ids = new Set<string>();
    const emails: unknown[] = [];
    const phones: unknown[] = [];
    for (const record of records.slice(0, 1000)) {
      if (!isObject(record)) return { kind: 'malformed', reason: 'records[] holds something that is not an object' };
      const type = isObject(record['attributes']) ? record['attributes']['type'] : record['type'];
      const id = contactIdOf(typeof type === 'string' ? type : '', record, record['Id']);
      if (id === undefined) continue;
      if (id === null) return { kind: 'malformed', reason: `a ${String(type)} record without a valid Contact id` };
      ids.add(id);
      if (type === 'Contact') {
        emails.push(record['Email']);
        phones.push(record['Phone'], record['MobilePhone']);
      }
    }
    if (ids.size === 0) return { kind: 'ignored', reason: 'no Contact, Case or Task records' };
    const eventId = typeof body['eventId'] === 'string' && /^[\w.:-]{1,128}$/.test(body['eventId']) ? { eventId: `salesforce:${body['eventId']}` } : {};
    return { kind: 'change', ids: [...ids], keys: lookupKeysOf(emails, phones, ctx.defaultRegion), what: 'records', ...eventId };
  },
};

function cdcChange(body: Record<string, unknown>, header: Record<string, unknown>, region: Parameters<typeof lookupKeysOf>[2]): WebhookMeaning {
  const entity = typeof header['entityName'] === 'string' ? header['entityName'] : '';
  const recordIds = Array.isArray(header['recordIds']) ? header['recordIds'] : [];
  if (entity !== 'Contact' && !(entity in CONTACT_FIELD)) return { kind: 'ignored', reason: `${entity || 'an unnamed'} change event changes nothing the gateway caches` };
  const ids = new Set<string>();
  if (entity === 'Contact') {
    for (const raw of recordIds.slice(0, 1000)) {
      const id = typeof raw === 'string' ? toSalesforceId18(raw, '003') : null;
      if (!id) return { kind: 'malformed', reason: 'ChangeEventHeader.recordIds holds something that is not a Contact id (wildcards are not supported)' };
      ids.add(id);
    }
  } else {
    const id = contactIdOf(entity, body, undefined);
    if (!id) return { kind: 'malformed', reason: `a ${entity} change event must carry ${CONTACT_FIELD[entity]!} (an enriched field) to name the Contact` };
    ids.add(id);
  }
  if (ids.size === 0) return { kind: 'malformed', reason: 'ChangeEventHeader.recordIds is empty' };
  const key = header['transactionKey'];
  const sequence = header['sequenceNumber'];
  const eventId = typeof key === 'string' && /^[\w-]{1,64}$/.test(key) && Number.isSafeInteger(sequence) ? { eventId: `salesforce:${key}:${String(sequence)}` } : {};
  const keys = entity === 'Contact' ? lookupKeysOf([body['Email']], [body['Phone'], body['MobilePhone']], region) : [];
  return { kind: 'change', ids: [...ids], keys, what: `${entity} ${typeof header['changeType'] === 'string' ? header['changeType'] : 'change'}`, ...eventId };
}

/**
 * The Contact a record changes: its own id for a Contact, `ContactId` for a Case, `WhoId` for a Task (when it
 * names a Contact). undefined for other objects; null when the id is missing or invalid.
 */
function contactIdOf(type: string, record: Record<string, unknown>, ownId: unknown): string | null | undefined {
  if (type === 'Contact') return typeof ownId === 'string' ? toSalesforceId18(ownId, '003') : null;
  const field = CONTACT_FIELD[type];
  if (!field) return undefined;
  const value = record[field];
  // A Task about a Lead (WhoId 00Q…) is nobody's Contact: not an error.
  if (type === 'Task' && typeof value === 'string' && !value.startsWith('003')) return undefined;
  return typeof value === 'string' ? toSalesforceId18(value, '003') : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
