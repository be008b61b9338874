import { UpstreamError } from '../UpstreamError.js';

/**
 * The per-slot error for an id that is not a Salesforce id of the expected type; no call is made for it.
 * Kind `rejected` with vendor code `MALFORMED_ID`, which is what Salesforce would answer.
 */
export function invalidIdError(source: string, id: unknown, objectName: string): UpstreamError {
  const shown = typeof id === 'string' ? JSON.stringify(id.slice(0, 40)) : typeof id;
  return new UpstreamError({ source, kind: 'rejected', vendorCode: 'MALFORMED_ID', message: `not a Salesforce ${objectName} id (15 or 18 characters): ${shown}` });
}
