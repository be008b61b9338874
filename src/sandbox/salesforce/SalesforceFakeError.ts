import type { FakeResponse } from '../fakeTypes.js';

/**
 * A Salesforce REST error as the fake answers it: HTTP status plus the vendor's array body
 * `[{message, errorCode, fields?}]`. Thrown by the fake's parsers and executors; routes turn it into a
 * response with {@link SalesforceFakeError.toResponse}.
 */
export class SalesforceFakeError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly fields: readonly string[] | undefined;

  constructor(status: number, errorCode: string, message: string, fields?: readonly string[]) {
    super(message);
    this.name = 'SalesforceFakeError';
    this.status = status;
    this.errorCode = errorCode;
    this.fields = fields;
  }

  /** The wire answer: Salesforce error bodies are arrays, never objects. */
  toResponse(): FakeResponse {
    const item: Record<string, unknown> = { message: this.message, errorCode: this.errorCode };
    if (this.fields) item['fields'] = [...this.fields];
    return { status: this.status, body: [item] };
  }
}

/** 400 `MALFORMED_QUERY`, the answer to SOQL that does not parse. */
export function malformedQuery(message: string): SalesforceFakeError {
  return new SalesforceFakeError(400, 'MALFORMED_QUERY', message);
}

/** 400 `INVALID_FIELD` naming a field the object does not have. */
export function invalidField(field: string, objectName: string): SalesforceFakeError {
  return new SalesforceFakeError(
    400,
    'INVALID_FIELD',
    `No such column '${field}' on entity '${objectName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

/** 400 `INVALID_TYPE` naming an sObject type the org does not have. */
export function invalidType(objectName: string): SalesforceFakeError {
  return new SalesforceFakeError(
    400,
    'INVALID_TYPE',
    `sObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}
