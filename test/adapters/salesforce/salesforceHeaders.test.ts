import { describe, expect, it } from 'vitest';
import { salesforceHeaders } from '../../../src/adapters/salesforce/index.js';

describe('salesforceHeaders: auth header', () => {
  it('builds a bearer Authorization header', () => {
    expect(salesforceHeaders({ accessToken: '00Dxx!token' })).toEqual({ authorization: 'Bearer 00Dxx!token' });
  });

  it.each(['', '  '])('rejects the token %j', (accessToken) => {
    expect(() => salesforceHeaders({ accessToken })).toThrow(/accessToken must be a non-empty string/);
  });
});
