import type { FakeRequest, FakeResponse, FakeRoute } from '../fakeTypes.js';
import { SalesforceFakeError } from './SalesforceFakeError.js';

/** Wraps a route handler so a thrown {@link SalesforceFakeError} becomes its Salesforce error answer. */
export function withSalesforceErrors(handler: (req: FakeRequest, match: RegExpExecArray) => FakeResponse): FakeRoute['handler'] {
  return (req, match) => {
    try {
      return handler(req, match);
    } catch (error) {
      if (error instanceof SalesforceFakeError) return error.toResponse();
      throw error;
    }
  };
}
