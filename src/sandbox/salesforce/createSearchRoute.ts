import type { FakeRoute } from '../fakeTypes.js';
import { executeSosl } from './executeSosl.js';
import { parseSosl } from './parseSosl.js';
import type { SalesforceFakeContext } from './SalesforceFakeContext.js';
import { SalesforceFakeError } from './SalesforceFakeError.js';
import { withSalesforceErrors } from './withSalesforceErrors.js';

/** The Search resource: `GET …/search?q=<SOSL>` → `{"searchRecords": [...]}` (no paging, as in Salesforce). */
export function createSearchRoute(ctx: SalesforceFakeContext): FakeRoute {
  return {
    name: 'search',
    method: 'GET',
    pattern: /^\/services\/data\/(v\d+\.\d+)\/search\/?$/,
    handler: withSalesforceErrors((req, match) => {
      const q = req.query.get('q');
      if (q === null || q.trim() === '') throw new SalesforceFakeError(400, 'MALFORMED_SEARCH', 'A search string has to be specified');
      return { status: 200, body: { searchRecords: executeSosl(ctx.db, parseSosl(q), match[1] ?? '') } };
    }),
  };
}
