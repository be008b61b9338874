import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const docs = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];

describe('users\' docs', () => {
  it.each(docs)('%s links only to files inside the repository, and they exist', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared\//);
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t));
    for (const target of targets) {
      const path = resolve(dirname(join(root, file)), target);
      expect(path.startsWith(root + '/'), `${file} links outside the repository: ${target}`).toBe(true);
      expect(existsSync(path), `${file} links to a missing file: ${target}`).toBe(true);
    }
  });
});
