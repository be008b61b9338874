export { compileNamedSql, type CompiledSql } from './compileNamedSql.js';
export { createPostgresAdapter, type PostgresAdapterOptions } from './createPostgresAdapter.js';
export { postgresSourceSchema, type PostgresSourceSettings } from './postgresSourceSchema.js';
export { toPostgresError } from './toPostgresError.js';
