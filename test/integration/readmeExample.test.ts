import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

// README "Try it" example 1 is a real answer of `npm start` (default dataset: 1000 people, seed 42): it must stay one.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const query = /```graphql\n(\{\n {2}customerLookup\(query: "Jdouglas[\s\S]*?)```/.exec(readme)?.[1];
const answer = /Answer \(HTTP 200[^\n]*\n\n```json\n([\s\S]*?)```/.exec(readme)?.[1];

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ size: 1_000, seed: 42 });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('README example 1', () => {
  it('shows the answer the gateway gives (matchedOn included)', async () => {
    expect(query, 'README example 1 query not found').toBeDefined();
    expect(answer, 'README example 1 answer not found').toBeDefined();
    const res = await t.gql(query!);
    expect({ data: res.data }).toEqual(JSON.parse(answer!));
  });
});
