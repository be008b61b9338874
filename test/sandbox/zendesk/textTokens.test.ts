import { describe, expect, it } from 'vitest';
import { containsPhrase, emailTokens, phoneKey, textTokens } from '../../../src/sandbox/zendesk/textTokens.js';

describe('textTokens: search normalisation helpers', () => {
  it.each<[string | null, string[]]>([
    ['José  Álvarez-García', ['jose', 'alvarez', 'garcia']],
    ["Mary O'Brien", ['mary', "o'brien"]],
    ['', []],
    [null, []],
  ])('splits %j into words', (text, expected) => {
    expect(textTokens(text)).toEqual(expected);
  });

  it.each<[string | null, string[]]>([
    ['Jane.Doe+vip@Example.com', ['jane', 'doe', 'vip', 'example', 'com']],
    [null, []],
  ])('splits email %j into words', (email, expected) => {
    expect(emailTokens(email)).toEqual(expected);
  });

  it.each<[string | null, string]>([
    ['+1 (415) 555-1212', '4155551212'],
    ['415.555.1212', '4155551212'],
    ['555-1212', '5551212'],
    [null, ''],
  ])('keys phone %j as %j', (phone, expected) => {
    expect(phoneKey(phone)).toBe(expected);
  });

  it.each<[string[], string[], boolean]>([
    [['jane', 'q', 'doe'], ['q', 'doe'], true],
    [['jane', 'q', 'doe'], ['jane', 'doe'], false],
    [['jane'], [], false],
    [['jane'], ['jane', 'doe'], false],
  ])('containsPhrase(%j, %j) is %s', (tokens, phrase, expected) => {
    expect(containsPhrase(tokens, phrase)).toBe(expected);
  });
});
