import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSandboxLinkage } from '../../src/commands/runSandboxLinkage.js';

describe('runSandboxLinkage: c360 sandbox linkage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'c360-linkage-cmd-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the benchmark and prints every file, the counts and the config path', async () => {
    const lines: string[] = [];
    await runSandboxLinkage({ out: join(dir, 'set'), size: 120, seed: 9 }, (l) => lines.push(l));
    const text = lines.join('\n');
    expect(text).toMatch(/^c360 sandbox linkage: 120 people \(seed 9\), \d+ true record pairs/);
    for (const name of ['crm.csv', 'shop.csv', 'support.csv', 'truth.csv', 'people.csv', 'manifest.json', 'c360.linkage.yaml']) {
      expect(text).toContain(name);
      expect(existsSync(join(dir, 'set', name))).toBe(true);
    }
    expect(text).toMatch(/crm\.csv\s+\d+ records/);
    const config = /Config: (.+)$/m.exec(text)![1]!;
    expect(config).toBe(join(dir, 'set', 'c360.linkage.yaml'));
    expect(readFileSync(config, 'utf8')).toContain(`path: "${join(dir, 'set', 'crm.csv')}"`);
  });
});
