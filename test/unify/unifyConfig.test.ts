import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

const ENV = { SALESFORCE_ACCESS_TOKEN: 't' };
const withUnify = (unify: unknown) => ({ sources: [{ name: 'salesforce', kind: 'salesforce', baseUrl: 'http://127.0.0.1:1' }], unify });

describe('unifyConfig: the unify section of the config', () => {
  it('defaults every key when the section is absent', () => {
    const config = parseConfig(withUnify(undefined), ENV);
    expect(config.unify.survivorship.name.strategies).toEqual(['sourcePriority', 'mostFrequent']);
    expect(config.unify.segments.map((s) => s.name)).toEqual(['HIGH_VALUE', 'AT_RISK', 'DORMANT', 'NEW_CUSTOMER', 'HIGH_PURCHASE_INTENT']);
    expect(config.unify.journey.at(-1)).toEqual({ stage: 'AWARENESS', when: [] });
    expect(config.unify.timeline.duplicateWindowMinutes).toBe(60);
  });

  it('takes a field rule and keeps the defaults of the others', () => {
    const config = parseConfig(withUnify({ survivorship: { email: { strategies: ['mostRecent'] } } }), ENV);
    expect(config.unify.survivorship.email).toEqual({ strategies: ['mostRecent'], ignoreEmpty: true });
    expect(config.unify.survivorship.phone.strategies).toEqual(['mostFrequent', 'mostRecent']);
  });

  it.each([
    [{ survivorship: { email: { strategies: ['newest'] } } }, /unify\.survivorship\.email\.strategies\[0\]/],
    [{ survivorship: { nickname: { strategies: ['mostRecent'] } } }, /unify\.survivorship/],
    [{ segments: [{ name: 'vip', when: [{ metric: 'orderCount', op: 'gte', value: 1 }] }] }, /unify\.segments\[0\]\.name: must be UPPER_SNAKE_CASE/],
    [{ segments: [{ name: 'VIP', when: [{ metric: 'shoeSize', op: 'gte', value: 1 }] }] }, /unify\.segments\[0\]\.when\[0\]\.metric/],
    [{ journey: [{ stage: 'PURCHASE', when: [{ metric: 'orderCount', op: 'gte', value: 1 }] }] }, /unify\.journey: the last stage must have no conditions/],
    [{ expectedAttributes: ['shoeSize'] }, /unify\.expectedAttributes\[0\]/],
    [{ timeline: { duplicateWindowMinutes: -1 } }, /unify\.timeline\.duplicateWindowMinutes/],
  ])('rejects %j naming the key', (unify, message) => {
    expect(() => parseConfig(withUnify(unify), ENV)).toThrow(ConfigError);
    expect(() => parseConfig(withUnify(unify), ENV)).toThrow(message);
  });
});
