import { describe, expect, it } from 'vitest';
import { parseConfig, ConfigError } from '../../src/config.js';
import { generateDataset } from '../../src/sandbox/dataset/index.js';
import { checkTimestamp, parseIsoTime } from '../../src/webhooks/checkTimestamp.js';
import { createReplayGuard } from '../../src/webhooks/createReplayGuard.js';
import { lookupKeysOf } from '../../src/webhooks/lookupKeysOf.js';
import { toSalesforceId18 } from '../../src/webhooks/toSalesforceId18.js';

describe('toSalesforceId18', () => {
  it.each([
    ['001A0000006Vm9r', '001', '001A0000006Vm9rIAC'],
    ['003000000000001', '003', '003000000000001AAA'],
    ['003000000000001AAA', '003', '003000000000001AAA'],
    ['001A0000006Vm9r', '003', null],
    ['003-bad', '003', null],
  ])('%s (prefix %s) -> %s', (id, prefix, expected) => {
    expect(toSalesforceId18(id, prefix)).toBe(expected);
  });

  it('agrees with the sandbox dataset\'s own 18-character ids', () => {
    const contacts = generateDataset({ size: 50, seed: 3 }).salesforce.contacts;
    for (const contact of contacts) expect(toSalesforceId18(contact.id.slice(0, 15), '003')).toBe(contact.id);
  });
});

describe('parseIsoTime and checkTimestamp', () => {
  it.each([
    ['2026-12-02T07:00:00Z', Date.UTC(2026, 11, 2, 7)],
    ['2026-12-02T07:00:00.123456789Z', Date.UTC(2026, 11, 2, 7, 0, 0, 123)],
    ['2026-12-02T09:00:00+02:00', Date.UTC(2026, 11, 2, 7)],
    ['2026-12-02 07:00:00', null],
    ['yesterday', null],
    [undefined, null],
  ])('%s -> %s', (text, expected) => {
    expect(parseIsoTime(text)).toBe(expected);
  });

  it('accepts times within the tolerance either way and refuses the rest with WEBHOOK_TIMESTAMP_INVALID', () => {
    const now = Date.UTC(2026, 11, 2, 7);
    expect(checkTimestamp(now - 299_000, 'T', now, 300)).toBeNull();
    expect(checkTimestamp(now + 299_000, 'T', now, 300)).toBeNull();
    expect(checkTimestamp(now - 301_000, 'T', now, 300)).toMatchObject({ status: 401, code: 'WEBHOOK_TIMESTAMP_INVALID' });
    expect(checkTimestamp(now + 301_000, 'T', now, 300)?.message).toContain('future');
    expect(checkTimestamp(null, 'T', now, 300)?.message).toContain('missing');
  });
});

describe('lookupKeysOf', () => {
  it('normalises emails and phones as customerLookup does and skips what does not normalise', () => {
    expect(lookupKeysOf([' Jane@Example.COM ', null, 42, 'not-an-email'], ['(415) 555-0134', ''], 'US')).toEqual(['email:jane@example.com', 'phone:+14155550134']);
  });
});

describe('createReplayGuard', () => {
  it('claims an id once, forgets a released one, and bounds what it keeps', async () => {
    const guard = createReplayGuard({ max: 100, ttlMs: 60_000 });
    expect(await guard.claim('a')).toBe(true);
    expect(await guard.claim('a')).toBe(false);
    guard.release('a');
    expect(await guard.claim('a')).toBe(true);
    for (let i = 0; i < 150; i += 1) await guard.claim(`id${i}`);
    expect(await guard.claim('id0')).toBe(true);
  });
});

describe('config: webhooks', () => {
  const sources = [
    { name: 'crm', kind: 'salesforce', baseUrl: 'http://127.0.0.1:1' },
    { name: 'shop', kind: 'shopify', baseUrl: 'http://127.0.0.1:2' },
    { name: 'shop2', kind: 'shopify', baseUrl: 'http://127.0.0.1:3' },
  ];
  const env = { SALESFORCE_ACCESS_TOKEN: 't', SHOPIFY_ACCESS_TOKEN: 't', SHOPIFY_WEBHOOK_SECRET: 'a-long-enough-secret', OTHER_SECRET: 'another-long-secret' };

  it('resolves secrets from the environment and maps each vendor to its source (first of the kind, or named)', () => {
    const config = parseConfig({ sources, webhooks: { shopify: {}, salesforce: { secretEnv: 'OTHER_SECRET' } } }, env);
    expect(config.webhooks).toEqual({ toleranceSeconds: 300, maxBodyBytes: 1_048_576, replayMemory: 100_000, shopify: { secret: 'a-long-enough-secret', source: 'shop' }, salesforce: { secret: 'another-long-secret', source: 'crm' } });
    expect(parseConfig({ sources, webhooks: { shopify: { source: 'shop2' } } }, env).webhooks?.shopify?.source).toBe('shop2');
    expect(parseConfig({ sources }, env).webhooks).toBeUndefined();
  });

  it.each([
    [{ zendesk: {} }, 'webhooks.zendesk.source: no source of kind zendesk is configured'],
    [{ shopify: { source: 'crm' } }, 'webhooks.shopify.source: source "crm" is of kind salesforce, not shopify'],
    [{ shopify: { source: 'nope' } }, 'webhooks.shopify.source: no source named "nope"'],
    [{ salesforce: {} }, 'webhooks.salesforce.secretEnv: environment variable SALESFORCE_WEBHOOK_SECRET is not set'],
    [{ shopify: { secretEnv: 'SHORT' } }, 'webhooks.shopify.secretEnv: the secret in SHORT is shorter than 16 characters'],
    [{ shopify: { secret: 'in-the-file-is-wrong' } }, 'webhooks.shopify.secret: secrets never go in the config file'],
    [{ toleranceSeconds: 0 }, 'webhooks.toleranceSeconds'],
  ])('refuses %j naming the key', (webhooks, message) => {
    expect(() => parseConfig({ sources, webhooks }, { ...env, SHORT: 'short' })).toThrow(ConfigError);
    expect(() => parseConfig({ sources, webhooks }, { ...env, SHORT: 'short' })).toThrow(message);
  });
});
