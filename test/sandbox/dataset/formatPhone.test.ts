import { describe, expect, it } from 'vitest';
import { formatPhone } from '../../../src/sandbox/dataset/formatPhone.js';

describe('formatPhone: styles', () => {
  it.each([
    ['parenthesized', '(415) 555-1212'],
    ['dashed', '415-555-1212'],
    ['dotted', '415.555.1212'],
    ['e164', '+14155551212'],
    ['spacedE164', '+1 415-555-1212'],
    ['digits', '4155551212'],
  ] as const)('renders %s as %s', (style, expected) => {
    expect(formatPhone('+14155551212', style)).toBe(expected);
  });

  it.each([['4155551212'], ['+4415555121'], ['+1415555121'], ['+141555512123']])('rejects %j', (bad) => {
    expect(() => formatPhone(bad, 'dashed')).toThrow(TypeError);
  });
});
