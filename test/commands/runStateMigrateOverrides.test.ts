import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { runStateMigrateOverrides } from '../../src/commands/runStateMigrateOverrides.js';
import { ConfigError } from '../../src/config.js';

// Needs a Redis: runs when REDIS_URL is set (.ci/run sets it). Keys live under a random prefix, deleted afterwards.
const REDIS_URL = process.env.REDIS_URL;

describe.skipIf(!REDIS_URL)('runStateMigrateOverrides: the file store into Redis', () => {
  const dir = mkdtempSync(join(tmpdir(), 'c360-migrate-'));
  const prefix = `c360test:${randomBytes(4).toString('hex')}:`;
  const changes = [
    { id: 'ovr_1', kind: 'link', refs: ['salesforce/003A', 'shopify/9'], reason: 'confirmed by phone', actor: 'apikey:steward', at: '2026-01-02T03:04:05.000Z' },
    { id: 'ovr_2', kind: 'suppress', refs: ['zendesk/77'], reason: 'erasure #4', actor: 'jwt:alice', at: '2026-01-03T00:00:00.000Z' },
  ];
  const overridesFile = join(dir, 'overrides.json');
  writeFileSync(overridesFile, JSON.stringify({ version: 1, changes }));
  const source = `sources:\n  - { name: crm, kind: file, path: ${JSON.stringify(join(dir, 'crm.csv'))}, columns: { id: id } }\n`;
  const config = join(dir, 'c360.yaml');
  writeFileSync(config, `logging: { level: silent }\nidentity: { overrides: { enabled: true, file: ${JSON.stringify(overridesFile)} } }\nstate: { redis: { url: ${JSON.stringify(REDIS_URL)}, keyPrefix: ${JSON.stringify(prefix)} } }\n${source}`);
  writeFileSync(join(dir, 'crm.csv'), 'id\nC1\n');
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    await client.del(`${prefix}overrides`);
    client.destroy();
  });

  it('copies every change with its actor and time, in order, and copies nothing the second time', async () => {
    const lines: string[] = [];
    await runStateMigrateOverrides({ configPath: config }, (line) => lines.push(line));
    await runStateMigrateOverrides({ configPath: config }, (line) => lines.push(line));
    expect(lines[0]).toContain('2 copied');
    expect(lines[1]).toContain('0 copied');
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    const stored = (await client.lRange(`${prefix}overrides`, 0, -1)).map((text) => JSON.parse(text) as unknown);
    client.destroy();
    expect(stored).toEqual(changes);
  });

  it('refuses a config without state.redis', async () => {
    const local = join(dir, 'local.yaml');
    writeFileSync(local, `logging: { level: silent }\n${source}`);
    await expect(runStateMigrateOverrides({ configPath: local }, () => undefined)).rejects.toThrow(ConfigError);
  });
});
