import { describe, expect, it } from 'vitest';
import { survive, type FieldCandidate, type Provenance } from '../../src/unify/index.js';

const prov = (source: string, recordId: string, sourceUpdatedAt: string | null): Provenance => ({
  source,
  recordId,
  sourceUpdatedAt,
  fetchedAt: '2026-11-01T00:00:00.000Z',
  fromCache: false,
  stale: false,
  ageMs: 0,
});
const c = (value: string | null, source: string, updatedAt: string | null = null, id = `${source}1`): FieldCandidate => ({
  key: value?.toLowerCase() ?? '',
  value,
  provenance: prov(source, id, updatedAt),
});
const PRIORITY = ['salesforce', 'shopify', 'zendesk'];

describe('survive: survivorship strategies', () => {
  it.each([
    {
      name: 'sourcePriority picks the highest-priority holder',
      strategies: ['sourcePriority'] as const,
      candidates: [c('b', 'zendesk'), c('a', 'salesforce'), c('b', 'shopify')],
      chosen: 'a',
      runnersUp: ['b'],
      reason: /^sourcePriority/,
    },
    {
      name: 'mostFrequent picks the value most records hold',
      strategies: ['mostFrequent'] as const,
      candidates: [c('a', 'salesforce'), c('b', 'shopify'), c('B', 'zendesk')],
      chosen: 'b',
      runnersUp: ['a'],
      reason: /^mostFrequent/,
    },
    {
      name: 'mostRecent picks the value changed last',
      strategies: ['mostRecent'] as const,
      candidates: [c('old', 'salesforce', '2024-01-01T00:00:00Z'), c('new', 'zendesk', '2025-01-01T00:00:00Z')],
      chosen: 'new',
      runnersUp: ['old'],
      reason: /^mostRecent/,
    },
    {
      name: 'a tie on the first strategy falls to the next',
      strategies: ['mostFrequent', 'mostRecent'] as const,
      candidates: [c('a', 'salesforce', '2024-01-01T00:00:00Z'), c('b', 'shopify', '2025-01-01T00:00:00Z')],
      chosen: 'b',
      runnersUp: ['a'],
      reason: /^mostRecent/,
    },
    {
      name: 'a tie on every strategy goes to source priority',
      strategies: ['mostFrequent'] as const,
      candidates: [c('b', 'shopify'), c('a', 'salesforce')],
      chosen: 'a',
      runnersUp: ['b'],
      reason: /^tie/,
    },
    {
      name: 'empty values never compete by default',
      strategies: ['sourcePriority'] as const,
      candidates: [c(null, 'salesforce'), c('  ', 'shopify'), c('z', 'zendesk')],
      chosen: 'z',
      runnersUp: [],
      reason: /only value/,
    },
    {
      name: 'a value held by no record gives no choice',
      strategies: ['sourcePriority'] as const,
      candidates: [c(null, 'salesforce')],
      chosen: undefined,
      runnersUp: [],
      reason: /no source/,
    },
  ])('$name', ({ strategies, candidates, chosen, runnersUp, reason }) => {
    const result = survive(candidates, strategies, PRIORITY);
    expect(result.chosen?.value ?? undefined).toBe(chosen);
    expect(result.runnersUp.map((r) => r.value)).toEqual(runnersUp);
    expect(result.reason).toMatch(reason);
  });

  it('lets an empty value win under sourcePriority when ignoreEmpty is false', () => {
    const result = survive([c(null, 'salesforce'), c('z', 'zendesk')], ['sourcePriority'], PRIORITY, false);
    expect(result.chosen?.value).toBeNull();
    expect(result.runnersUp.map((r) => r.value)).toEqual(['z']);
  });

  it('lists every holder of a value by priority, with the first as its provenance', () => {
    const result = survive([c('a', 'zendesk', null, 'z9'), c('A', 'salesforce', null, 's1')], ['sourcePriority'], PRIORITY);
    expect(result.chosen?.holders.map((h) => h.recordId)).toEqual(['s1', 'z9']);
    expect(result.chosen?.provenance.recordId).toBe('s1');
  });

  it('speaks for a mostRecent winner with its latest holder', () => {
    const result = survive([c('a', 'salesforce', '2024-01-01T00:00:00Z'), c('a', 'zendesk', '2025-01-01T00:00:00Z')], ['mostRecent'], PRIORITY);
    expect(result.chosen?.provenance.source).toBe('zendesk');
  });
});
