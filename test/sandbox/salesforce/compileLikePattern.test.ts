import { describe, expect, it } from 'vitest';
import { compileLikePattern } from '../../../src/sandbox/salesforce/compileLikePattern.js';

describe('compileLikePattern: matching', () => {
  it.each([
    ['Ja%', 'Jane', true],
    ['Ja%', 'jANE', true],
    ['Ja%', 'Maja', false],
    ['%doe', 'Jane Doe', true],
    ['J_ne', 'June', true],
    ['J_ne', 'Jne', false],
    ['50\\%', '50%', true],
    ['50\\%', '500', false],
    ['a\\_b', 'a_b', true],
    ['a\\_b', 'axb', false],
    ["O\\'B%", "O'Brien", true],
    ['a.b', 'axb', false],
    ['(x)+', '(x)+', true],
    ['%', 'line\nbreak', true],
  ])('%s against %j is %s', (pattern, value, expected) => {
    expect(compileLikePattern(pattern).test(value)).toBe(expected);
  });
});
