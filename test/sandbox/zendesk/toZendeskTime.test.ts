import { describe, expect, it } from 'vitest';
import { toZendeskTime } from '../../../src/sandbox/zendesk/toZendeskTime.js';

describe('toZendeskTime: Zendesk timestamp format', () => {
  it.each<[string, string]>([
    ['2025-03-04T10:11:12.000Z', '2025-03-04T10:11:12Z'],
    ['2025-03-04T10:11:12.999Z', '2025-03-04T10:11:12Z'],
    ['2025-03-04T12:11:12+02:00', '2025-03-04T10:11:12Z'],
    ['not a date', 'not a date'],
  ])('renders %j as %j', (input, expected) => {
    expect(toZendeskTime(input)).toBe(expected);
  });
});
