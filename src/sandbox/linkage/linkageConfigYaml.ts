import { resolve } from 'node:path';
import type { LinkageSourceSpec } from './linkageSources.js';

const CONFIG_KEYS = { givenName: 'givenName', familyName: 'familyName', street: 'line1', city: 'city', state: 'region', postcode: 'postcode', birthDate: 'birthDate' } as const;

/**
 * The `sources:` of a c360 config that loads each generated CSV as a `kind: file` source (README "File
 * sources"), with absolute paths under `dir` so that it works from any working directory. Sources are listed in
 * the given order (the first anchors customer ids). Valid on its own: every other config key has a default.
 */
export function linkageConfigYaml(dir: string, sources: readonly LinkageSourceSpec[], comment: string): string {
  const lines = [...comment.split('\n').map((l) => `# ${l}`.trimEnd()), 'sources:'];
  for (const spec of sources) {
    const c = spec.columns;
    lines.push(`  - name: ${spec.name}`, '    kind: file', `    path: ${JSON.stringify(resolve(dir, `${spec.name}.csv`))}`, '    format: csv', '    columns:', `      id: ${c.id}`);
    if (c.fullName) lines.push(`      fullName: ${c.fullName}`);
    for (const [field, key] of Object.entries(CONFIG_KEYS) as Array<[keyof typeof CONFIG_KEYS, string]>) {
      if (c[field]) lines.push(`      ${key}: ${c[field]}`);
    }
    if (c.email) lines.push(`      emails: [${c.email}]`);
    if (c.phone) lines.push(`      phones: [${c.phone}]`);
  }
  return `${lines.join('\n')}\n`;
}
