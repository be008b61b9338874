import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads every `*.graphql` file of the package's `schema/` folder (sorted by name) as SDL strings. Works from
 * `src/` (tests) and `dist/src/` (built) by walking up to the folder that holds `schema/`. `subfolder` (e.g.
 * `federation`) reads `schema/<subfolder>/` instead: SDL that only some modes add.
 */
export function loadSchemaSdl(subfolder?: string): string[] {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4 && !existsSync(join(dir, 'schema', 'query.graphql')); i += 1) dir = dirname(dir);
  if (!existsSync(join(dir, 'schema', 'query.graphql'))) throw new Error(`schema folder not found above ${fileURLToPath(import.meta.url)}`);
  const schemaDir = subfolder === undefined ? join(dir, 'schema') : join(dir, 'schema', subfolder);
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(schemaDir, file), 'utf8'));
}
