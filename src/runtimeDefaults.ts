/**
 * Imported first by the CLI, before anything loads graphql-js. graphql-js reads `NODE_ENV` once, when it
 * loads: anything but `production` adds a cross-realm check to every `instanceof` test during execution
 * (3–4 % of a warm 360 query's CPU in the BENCHMARKS.md profile). The CLI runs a server, so production is
 * its default; set `NODE_ENV` to anything else to get graphql-js's development checks back. Apollo's own
 * NODE_ENV-dependent defaults (introspection, stack traces, landing page) are all set explicitly in server.ts,
 * so they do not change with it.
 */
process.env.NODE_ENV ??= 'production';
