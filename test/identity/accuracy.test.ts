import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { defaultIdentityTuning } from '../../src/identity/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { measureAccuracy, sandboxAdapters } from './measureAccuracy.js';

const SIZE = 300;

describe('identity: accuracy on the sandbox ground truth', () => {
  let sandbox: Sandbox;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'c360-acc-'));
    // The loyalty export without email or phone: only names, birth dates and addresses to link on.
    sandbox = await startSandbox({ size: SIZE, seed: 42, loyalty: { path: join(dir, 'loyalty.csv'), contactPoints: false } });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('links Salesforce, Shopify and Zendesk records (typos, nicknames, missing fields) with precision ≥ 0.99 and recall ≥ 0.95', async () => {
    // A generous per-call limit: this measures matching quality, not speed, and must hold on a loaded machine.
    const adapters = sandboxAdapters(sandbox.sourceConfigs({ timeoutMs: 15_000 }));
    const labelled = sandbox.dataset.truth.map((t) => ({ ref: { source: t.system, id: t.id }, personId: t.personId }));
    const figures = await measureAccuracy(adapters, labelled);
    console.info(`accuracy (3 vendors, ${SIZE} people): ${JSON.stringify(figures)}`);
    await Promise.all(adapters.map((a) => a.close?.()));
    expect(figures.truePairs).toBeGreaterThan(300);
    expect(figures.precision).toBeGreaterThanOrEqual(0.99);
    expect(figures.recall).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it('links a loyalty CSV sharing no email or phone with Salesforce through the probabilistic path', async () => {
    const file = parseConfig({ sources: [sandbox.loyalty!.source] }, {}).sources[0]!;
    const sf = sandbox.sourceConfigs({ timeoutMs: 15_000 })[0]!;
    const adapters = sandboxAdapters([sf, file]);
    const labelled = [
      ...sandbox.dataset.truth.filter((t) => t.system === 'salesforce').map((t) => ({ ref: { source: 'salesforce', id: t.id }, personId: t.personId })),
      ...sandbox.loyalty!.truth.map((t) => ({ ref: { source: 'loyalty', id: t.id }, personId: t.personId })),
    ];
    const figures = await measureAccuracy(adapters, labelled, defaultIdentityTuning());
    console.info(`accuracy (Salesforce + names/birth dates/addresses-only CSV, ${SIZE} people): ${JSON.stringify(figures)}`);
    await Promise.all(adapters.map((a) => a.close?.()));
    expect(figures.truePairs).toBeGreaterThan(80);
    expect(figures.precision).toBeGreaterThanOrEqual(0.99);
    expect(figures.recall).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
