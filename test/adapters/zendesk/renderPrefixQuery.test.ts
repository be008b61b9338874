import { describe, expect, it } from 'vitest';
import { renderPrefixQuery } from '../../../src/adapters/zendesk/renderPrefixQuery.js';
import { renderSearchRequest } from '../../../src/adapters/zendesk/renderSearchRequest.js';

describe('renderPrefixQuery: namePrefix keys in Zendesk search syntax', () => {
  const cases: Array<[string, string | null, string | null]> = [
    ['doe', null, 'name:doe*'],
    [' doe ', 'j', 'name:doe* name:j*'],
    ['müll', 'ö', 'name:müll* name:ö*'],
    ['doe', ' ', 'name:doe*'],
    ['d', 'j', null],
    ['do*', null, null],
    ['do', '*', null],
    ['do"', null, null],
    ["o'b", null, null],
    ['o\\b', null, null],
    ['do:x', null, null],
    ['a b', null, null],
    ['ab', 'type:user', null],
  ];

  it.each(cases)('renders %j %j', (family, given, expected) => {
    expect(renderPrefixQuery({ kind: 'namePrefix', family, given })).toBe(expected);
  });

  it('is what renderSearchRequest sends for the key kind', () => {
    expect(renderSearchRequest({ kind: 'namePrefix', family: 'doe', given: 'j' })).toEqual({ params: { query: 'name:doe* name:j*' } });
    expect(renderSearchRequest({ kind: 'namePrefix', family: 'd', given: null })).toBeNull();
  });
});
