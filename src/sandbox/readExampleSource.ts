import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/**
 * Reads one of the package's `examples/sources/*.yaml` source configs (the ones README "Adding a source"
 * shows) as a raw object. Works from `src/` (tests) and `dist/src/` (built) by walking up to `examples/`.
 * Throws when the file is missing.
 */
export function readExampleSource(file: string): Record<string, unknown> {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4 && !existsSync(join(dir, 'examples', 'sources', file)); i += 1) dir = dirname(dir);
  const path = join(dir, 'examples', 'sources', file);
  return parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
}
