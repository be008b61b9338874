/** One hostile or malformed HTTP request to /graphql. */
export interface HostileCase {
  readonly name: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Query string for GET (without `?`). */
  readonly search?: string;
  readonly headers?: Record<string, string>;
  /** Raw body; JSON-encoded from `json` when absent. */
  readonly body?: string;
  readonly json?: unknown;
  /** Send without the default credential. */
  readonly anonymous?: boolean;
}

const q = (query: string, extra: Record<string, unknown> = {}): unknown => ({ query, ...extra });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * The hostile corpus (issue 6 item 8): deep, wide, alias and directive floods, huge strings, circular
 * fragments, bad JSON, wrong content types, GET mutations, batched arrays, bad variables and operations,
 * bad credentials. Generated with sizes that straddle each limit; every case must get a 4xx with a code.
 */
export function hostileCorpus(): HostileCase[] {
  const cases: HostileCase[] = [];
  // Deep: nonsense nesting (validation) and real fields nested beyond the depth limit.
  for (const depth of [12, 20, 50, 100, 300, 600]) cases.push({ name: `deep nonsense ${depth}`, json: q(`{ ${'a { '.repeat(depth)}b${' }'.repeat(depth)} }`) });
  for (const depth of range(20).map((i) => 11 + i * 3)) cases.push({ name: `deep fragments ${depth}`, json: q(`{ ...F0 } ${range(depth).map((i) => `fragment F${i} on Query { ${i === depth - 1 ? 'sources { name }' : `...F${i + 1}`} }`).join(' ')} extra: sources { nope }`) });
  for (const depth of [16, 200]) cases.push({ name: `deep inline fragments ${depth}`, json: q(`{ ${'... on Query { '.repeat(depth)}sources { name }${' }'.repeat(depth)} }`) });
  for (const depth of [11, 15, 30]) cases.push({ name: `deep real fields ${depth}`, json: q(`{ customerLookup(query: "a@b.co") { customer { identity { links { linkedTo { source ${' id '.repeat(depth)} } } } } } }`.replace('source', `source ${'x { '.repeat(depth)}y${' }'.repeat(depth)}`)) });
  // Wide: many fields, many root fields.
  for (const width of [11, 25, 50, 100, 500]) cases.push({ name: `wide root ${width}`, json: q(`{ ${range(width).map((i) => `r${i}: sources { name }`).join(' ')} }`) });
  for (const width of [2_100, 2_500, 5_000]) cases.push({ name: `wide fields ${width}`, json: q(`{ sources { ${'name '.repeat(width)} } }`) });
  // Alias floods.
  for (const n of range(30).map((i) => 16 + i * 7)) cases.push({ name: `alias flood ${n}`, json: q(`{ sources { ${range(n).map((i) => `a${i}: name`).join(' ')} } }`) });
  for (const n of [16, 40, 200]) cases.push({ name: `alias flood of lookups ${n}`, json: q(`{ ${range(n).map((i) => `l${i}: customerLookup(query: "p${i}@x.co") { status }`).join(' ')} }`) });
  // Directive floods.
  for (const n of range(30).map((i) => 11 + i * 5)) cases.push({ name: `directive flood ${n}`, json: q(`{ sources ${'@include(if: true) '.repeat(n)}{ name } }`) });
  for (const n of [11, 50, 500]) cases.push({ name: `unknown directive flood ${n}`, json: q(`{ sources { name ${'@x '.repeat(n)} } }`) });
  // Cost: big pages under cheap-looking shapes.
  for (const first of [100, 90, 80, 70]) cases.push({ name: `cost bomb first ${first}`, json: q(`query { customers(ids: [${range(100).map((i) => `"c${i}"`).join(',')}]) { orders(first: ${first}) { nodes { lineItems { title sku quantity unitPrice { amount currencyCode } } } } tickets(first: ${first}) { nodes { id subject } } } }`) });
  // Token floods (parser limit).
  for (const n of [2_100, 5_000, 20_000]) cases.push({ name: `token flood ${n}`, json: q(`{ ${'__typename '.repeat(n)}}`) });
  // Huge strings: over the body limit, and inside unknown places.
  for (const kb of [101, 200, 1_024]) cases.push({ name: `huge string ${kb} KiB`, json: q('query($q: String!) { customerLookup(query: $q) { status } }', { variables: { q: 'x'.repeat(kb * 1024) } }) });
  for (const n of [1_000, 10_000, 50_000]) cases.push({ name: `huge string literal in unknown field ${n}`, json: q(`{ nope(arg: "${'y'.repeat(n)}") }`) });
  for (const n of [1_000, 50_000]) cases.push({ name: `huge operation name ${n}`, json: q(`query ${'N'.repeat(n)} { sources { name } }`, { operationName: 'other' }) });
  // Circular fragments.
  for (const n of range(15).map((i) => i + 2)) cases.push({ name: `fragment cycle of ${n}`, json: q(`{ ...C0 } ${range(n).map((i) => `fragment C${i} on Query { sources { name } ...C${(i + 1) % n} }`).join(' ')}`) });
  cases.push({ name: 'self-referencing fragment', json: q('{ ...A } fragment A on Query { ...A }') });
  cases.push({ name: 'fragment spreads to undefined', json: q('{ ...Missing }') });
  // Bad JSON.
  const badJson = ['{', '{"query": ', '{"query": "{ sources { name } }"', 'null', '"just a string"', '42', 'true', '[]', '{"query": 42}', '{"query": null}', '{"query": ""}', '{"query": ["{ sources { name } }"]}', '{"query": {"a": 1}}', '{"variables": {}}', '{"query": "{ sources { name } }", "variables": "not an object"}', '{"query": "{ sources { name } }", "variables": [1,2]}', '{"query": "{ sources { name } }", "operationName": 5}', '{"query": "{ sources { name } }", "extensions": "x"}', '\u0000\u0001', '{"query":"\\ud800"}', '{"query": "{ sources { name } }",}', "{'query': '{ sources { name } }'}", '{"query": "{ sources { name } }"} trailing', 'NaN', '{"query":"{ sources { name } }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"00"}}}'];
  badJson.forEach((body, i) => cases.push({ name: `bad json ${i}: ${body.slice(0, 30)}`, body }));
  for (const depth of [1_000, 5_000]) cases.push({ name: `nested JSON ${depth}`, body: `${'['.repeat(depth)}${']'.repeat(depth)}` });
  // Wrong content types.
  for (const type of ['text/plain', 'text/html', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/graphql', 'application/octet-stream', 'image/png', '', 'text/plain; charset=utf-8']) {
    cases.push({ name: `content-type ${type || '(empty)'}`, headers: { 'content-type': type }, body: JSON.stringify({ query: '{ sources { name } }' }) });
  }
  // GET mutations and other methods.
  for (const [i, mutation] of ['mutation { suppressPerson(customerId: "c", reason: "r") { id } }', 'mutation { linkRecords(a: {source: "a", id: "1"}, b: {source: "b", id: "2"}, reason: "r") { id } }', 'mutation M { unlinkRecords(a: {source: "a", id: "1"}, b: {source: "b", id: "2"}, reason: "r") { id } }'].entries()) {
    cases.push({ name: `GET mutation ${i}`, method: 'GET', search: new URLSearchParams({ query: mutation }).toString(), headers: { 'apollo-require-preflight': 'true' } });
    cases.push({ name: `GET mutation without preflight ${i}`, method: 'GET', search: new URLSearchParams({ query: mutation }).toString() });
  }
  cases.push({ name: 'GET with bad variables', method: 'GET', search: new URLSearchParams({ query: '{ sources { name } }', variables: '{bad' }).toString(), headers: { 'apollo-require-preflight': 'true' } });
  cases.push({ name: 'GET without query', method: 'GET', search: 'foo=bar', headers: { 'apollo-require-preflight': 'true', accept: 'application/json' } });
  for (const method of ['PUT', 'DELETE'] as const) cases.push({ name: `${method} request`, method, json: q('{ sources { name } }') });
  // Batched arrays.
  for (const n of [1, 2, 10, 100, 1_000]) cases.push({ name: `batched array of ${n}`, json: range(n).map(() => ({ query: '{ sources { name } }' })) });
  // Bad operations and variables.
  const badOps: Array<[string, unknown]> = [
    ['two anonymous operations', q('{ sources { name } } { sources { kind } }')],
    ['unknown operationName', q('query A { sources { name } }', { operationName: 'B' })],
    ['no operationName with two operations', q('query A { sources { name } } query B { sources { kind } }')],
    ['missing required variable', q('query($q: String!) { customerLookup(query: $q) { status } }')],
    ['variable of wrong type', q('query($q: String!) { customerLookup(query: $q) { status } }', { variables: { q: 42 } })],
    ['variable object for a string', q('query($q: String!) { customerLookup(query: $q) { status } }', { variables: { q: { $gt: '' } } })],
    ['null for a non-null variable', q('query($q: String!) { customerLookup(query: $q) { status } }', { variables: { q: null } })],
    ['undeclared variable', q('{ customerLookup(query: $q) { status } }', { variables: { q: 'a' } })],
    ['wrong argument type', q('{ customerLookup(query: 5) { status } }')],
    ['unknown argument', q('{ sources(limit: 5) { name } }')],
    ['subscription', q('subscription { sources { name } }')],
    ['selection on a scalar', q('{ sources { name { x } } }')],
    ['missing selection', q('{ sources }')],
    ['unknown type in fragment', q('{ ...F } fragment F on Nope { a }')],
    ['syntax error', q('{ sources { name }')],
    ['only a comment', q('# nothing')],
    ['unicode garbage', q('{ \u202e\u0000sources }')],
    ['injection in lookup via literal', q('{ customerLookup(query: "\\" OR 1=1 --") { status } } }')],
    ['bad page size literal on unknown', q('{ customer(id: "x") { orders(first: "many") { totalCount } } }')],
    ['first as huge int', q('{ customer(id: "x") { orders(first: 99999999999) { totalCount } } }')],
    ['introspection deep', q(`{ __schema { types { fields { type { ${'ofType { '.repeat(40)}name${' }'.repeat(40)} } } } } }`)],
    ['__type with huge name', q(`{ __type(name: "${'T'.repeat(200_000)}") { name } }`)],
    ['introspection flood', q(`{ ${Array.from({ length: 20 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`)],
  ];
  for (const [name, json] of badOps) cases.push({ name, json });
  // Bad credentials on otherwise valid requests.
  const creds = ['', 'Bearer', 'Bearer x', 'Bearer a.b.c', 'Basic YWRtaW46YWRtaW4=', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.', `Bearer ${'k'.repeat(10_000)}`, 'bearer c360_dev_key_not_for_productio', 'Bearer c360_dev_key_not_for_production extra', 'Token c360_dev_key_not_for_production'];
  creds.forEach((authorization, i) => cases.push({ name: `bad credential ${i}`, anonymous: true, headers: authorization === '' ? {} : { authorization }, json: q('{ sources { name } }') }));
  for (const n of range(20)) cases.push({ name: `random api key ${n}`, anonymous: true, headers: { 'x-api-key': `c360_${n.toString(36).repeat(n + 1)}` }, json: q('{ sources { name } }') });
  // Truncated documents: a real query cut at every second character (syntax errors of every kind).
  const real = 'query Lookup($q: String!) { customerLookup(query: $q) { status customer { id emails { value } orders(first: 2) { nodes { number } } } } }';
  for (let cut = 1; cut < real.length - 1; cut += 2) cases.push({ name: `truncated at ${cut}`, json: q(real.slice(0, cut), { variables: { q: 'a@b.co' } }) });
  return cases;
}
