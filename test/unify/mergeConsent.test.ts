import { describe, expect, it } from 'vitest';
import type { ConsentStatement, IdentityRecord } from '../../src/domain/index.js';
import { mergeConsent } from '../../src/unify/index.js';
import { identityRecord } from '../support/identityRecord.js';

const record = (source: string, consent: ConsentStatement[]): IdentityRecord => identityRecord(source, `${source}1`, { consent });
const st = (channel: ConsentStatement['channel'], status: ConsentStatement['status'], updatedAt = '2026-01-01T00:00:00Z'): ConsentStatement => ({ channel, status, sourceValue: `${status}`, updatedAt });

describe('mergeConsent: most restrictive wins', () => {
  it.each([
    { name: 'no statement is UNKNOWN', records: [record('zendesk', [])], email: ['UNKNOWN', false, null] },
    { name: 'Salesforce opt-out beats Shopify subscribed', records: [record('salesforce', [st('email', 'OPTED_OUT')]), record('shopify', [st('email', 'OPTED_IN')])], email: ['OPTED_OUT', false, 'salesforce'] },
    { name: 'Shopify not subscribed beats Salesforce no objection', records: [record('salesforce', [st('email', 'NO_OBJECTION')]), record('shopify', [st('email', 'NOT_OPTED_IN')])], email: ['NOT_OPTED_IN', false, 'shopify'] },
    { name: 'no objection beats opted in', records: [record('salesforce', [st('email', 'NO_OBJECTION')]), record('shopify', [st('email', 'OPTED_IN')])], email: ['NO_OBJECTION', true, 'salesforce'] },
    { name: 'a lone opt-in is allowed', records: [record('shopify', [st('email', 'OPTED_IN')])], email: ['OPTED_IN', true, 'shopify'] },
    {
      name: 'equally restrictive: the most recent decides',
      records: [record('salesforce', [st('email', 'OPTED_OUT', '2025-01-01T00:00:00Z')]), record('shopify', [st('email', 'OPTED_OUT', '2026-01-01T00:00:00Z')])],
      email: ['OPTED_OUT', false, 'shopify'],
    },
  ])('$name', ({ records, email }) => {
    const result = mergeConsent(records, '2026-11-01T00:00:00.000Z');
    expect(result.map((c) => c.channel)).toEqual(['email', 'sms', 'phone']);
    const e = result[0]!;
    expect([e.status, e.allowed, e.decidedBy?.ref.source ?? null]).toEqual(email);
    expect(e.reason.length).toBeGreaterThan(0);
  });
});
