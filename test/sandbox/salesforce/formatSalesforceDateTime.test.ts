import { describe, expect, it } from 'vitest';
import { formatSalesforceDateTime, parseSalesforceDateTime } from '../../../src/sandbox/salesforce/formatSalesforceDateTime.js';

describe('formatSalesforceDateTime: rendering', () => {
  it.each([
    ['2024-05-01T12:00:00.000Z', '2024-05-01T12:00:00.000+0000'],
    ['2024-05-01T12:00:00Z', '2024-05-01T12:00:00.000+0000'],
    ['2024-05-01T14:00:00+02:00', '2024-05-01T12:00:00.000+0000'],
    ['not a date', 'not a date'],
  ])('renders %s as %s', (iso, wire) => {
    expect(formatSalesforceDateTime(iso)).toBe(wire);
  });

  it('parses its own output back to the same instant', () => {
    expect(parseSalesforceDateTime('2024-05-01T12:00:00.000+0000')).toBe(Date.UTC(2024, 4, 1, 12));
    expect(parseSalesforceDateTime('2024-05-01T12:00:00.000-0130')).toBe(Date.UTC(2024, 4, 1, 13, 30));
  });
});
