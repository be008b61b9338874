import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { readExampleSource } from '../../src/sandbox/readExampleSource.js';

const hubspot = () => readExampleSource('hubspot.rest.yaml');
const billing = () => readExampleSource('billing.postgres.yaml');
const parse = (source: Record<string, unknown>, env: Record<string, string> = { HUBSPOT_ACCESS_TOKEN: 'pat-x' }) => parseConfig({ sources: [source] }, env, 'test.yaml');

describe('config: kind rest and kind postgres sources', () => {
  it('accepts the README examples, reading secrets from the environment and applying policies', () => {
    const config = parseConfig({ sources: [hubspot(), billing()] }, { HUBSPOT_ACCESS_TOKEN: 'pat-x' });
    const [rest, postgres] = config.sources;
    expect(rest).toMatchObject({ name: 'hubspot', kind: 'rest', baseUrl: 'https://api.hubapi.com', credentials: { kind: 'rest', secrets: { token: 'pat-x' } }, policies: { retries: { maxAttempts: 3 } } });
    expect(Object.keys(rest!.rest!.search)).toEqual(['email', 'phone', 'name']);
    expect(postgres).toMatchObject({ name: 'billing', kind: 'postgres', baseUrl: 'postgres://127.0.0.1:5432/test', maxSockets: 10, credentials: { kind: 'postgres', password: undefined } });
    expect(postgres!.postgres!.columns).toMatchObject({ givenName: 'first_name', fullName: 'full_name', identifiers: { billingAccount: 'account_no' } });
  });

  it.each([
    ['a JSONata syntax error', () => ({ ...hubspot(), identity: '{ "id": id' }), /sources\[0\]\.identity: not a valid JSONata expression: .*\(at character \d+\)/],
    ['a bad path placeholder', () => ({ ...hubspot(), getByIds: { ...(hubspot().getByIds as object), path: '/x/{$id(}' } }), /sources\[0\]\.getByIds\.path: placeholder \{\$id\(\}: not a valid JSONata expression/],
    ['an unknown key kind', () => ({ ...hubspot(), search: { emial: { path: '/s' } } }), /sources\[0\]\.search\.emial: unknown blocking key kind \(known: email, phone, name, namePhonetic, namePrefix, birthDate, postcodeStreet, identifier, orderNumber, ticketNumber\)/],
    ['an unknown pagination style', () => ({ ...hubspot(), search: { email: { path: '/s', pagination: { style: 'scroll' } } } }), /sources\[0\]\.search\.email\.pagination\.style/],
    ['an unknown auth type', () => ({ ...hubspot(), auth: { type: 'digest' } }), /sources\[0\]\.auth\.type/],
    ['an unknown parameter in SQL', () => ({ ...billing(), search: { email: 'SELECT 1 AS key_index FROM t WHERE e = ANY($emails)' } }), /sources\[0\]\.search\.email: unknown parameter \$emails \(this statement can use \$values\)/],
    ['a positional parameter', () => ({ ...billing(), getByIds: 'SELECT * FROM t WHERE id = $1' }), /sources\[0\]\.getByIds: positional parameter \$1/],
    ['a search kind Postgres does not know', () => ({ ...billing(), search: { birthdate: 'SELECT 1' } }), /sources\[0\]\.search\.birthdate: unknown blocking key kind/],
    ['a missing database', () => ({ ...billing(), connection: { host: '127.0.0.1' } }), /sources\[0\]\.connection\.database/],
    ['a column mapping typo', () => ({ ...billing(), columns: { givenname: 'first_name' } }), /sources\[0\]\.columns/],
  ])('names the key for %s', (_label, source, message) => {
    expect(() => parse(source())).toThrow(message);
  });

  it.each([
    [() => hubspot(), {}, /sources\[0\] \(hubspot\): auth\.tokenEnv: environment variable HUBSPOT_ACCESS_TOKEN is not set/],
    [() => ({ ...hubspot(), auth: { type: 'oauth2ClientCredentials', tokenUrl: 'https://auth.test/token', clientIdEnv: 'CID', clientSecretEnv: 'CSECRET' } }), { CID: 'a' }, /auth\.clientSecretEnv: environment variable CSECRET is not set/],
    [() => ({ ...billing(), connection: { database: 'test', passwordEnv: 'BILLING_PG_PASSWORD' } }), {}, /sources\[0\] \(billing\): connection\.passwordEnv: environment variable BILLING_PG_PASSWORD is not set/],
  ])('names the environment variable a secret is missing from (%#)', (source, env, message) => {
    expect(() => parse(source(), env)).toThrow(message);
  });
});

describe('README: Adding a source', () => {
  it.each(['hubspot.rest.yaml', 'billing.postgres.yaml'])('shows examples/sources/%s verbatim, the config the tests and demo run', (file) => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = readFileSync(new URL(`../../examples/sources/${file}`, import.meta.url), 'utf8');
    expect(readme).toContain(`\`\`\`yaml\n${example}\`\`\``);
  });
});
