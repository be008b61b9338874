import { describe, expect, it } from 'vitest';
import { normalizeCountry } from '../../src/unify/normalizeCountry.js';

describe('normalizeCountry', () => {
  it.each([
    ['US', 'US'], ['us', 'US'], ['USA', 'US'], ['U.S.A.', 'US'], ['United States', 'US'], ['United States of America', 'US'],
    ['GB', 'GB'], ['UK', 'GB'], ['United Kingdom', 'GB'], ['Germany', 'DE'], ['DEU', 'DE'], ['Canada', 'CA'], ['  canada ', 'CA'],
  ])('%j → %j', (text, code) => {
    expect(normalizeCountry(text)).toBe(code);
  });

  it('is null for nothing and for what it does not recognise', () => {
    expect(normalizeCountry(null)).toBeNull();
    expect(normalizeCountry('')).toBeNull();
    expect(normalizeCountry('Atlantis')).toBeNull();
    expect(normalizeCountry('ZZ')).toBeNull();
  });
});
