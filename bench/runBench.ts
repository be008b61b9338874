/**
 * `npm run bench` (quick, < 3 min) and `npm run bench -- --full`: measures what customer queries cost on the
 * built gateway against the sandbox with injected latency, after a correctness gate. See BENCHMARKS.md.
 * Flags: `--full`, `--update-golden` (rewrite bench/golden/customer360.json), `--log-level <pino level>`,
 * `--compare-only` (only the side-by-side of gateway, naive peer and floor program), `--soak <minutes>` (then load
 * the gateway that long and report its RSS trend).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateDataset } from '../src/sandbox/dataset/index.js';
import { startSandbox } from '../src/sandbox/index.js';
import { addHeavyOrders } from './addHeavyOrders.js';
import { compareTargets, formatComparison } from './compareTargets.js';
import { correctnessGate } from './correctnessGate.js';
import { MODES, UNTHROTTLED_SHOPIFY } from './benchModes.js';
import { formatTable } from './formatTable.js';
import { machineInfo } from './machineInfo.js';
import { runPhases } from './runPhases.js';
import { coldCustomerIds, selectCustomers } from './selectCustomers.js';
import { formatSoak, soakGateway } from './soakGateway.js';
import { pinProcess } from './spawnPinned.js';
import { startGatewayProcess } from './startGatewayProcess.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { full: { type: 'boolean', default: false }, 'update-golden': { type: 'boolean', default: false }, 'log-level': { type: 'string', default: 'warn' }, 'compare-only': { type: 'boolean', default: false }, soak: { type: 'string' } } });
  const soakMinutes = values.soak === undefined ? 0 : Number(values.soak);
  if (!Number.isFinite(soakMinutes) || soakMinutes < 0) throw new Error(`--soak wants minutes, got ${values.soak}`);
  const mode = values.full ? 'full' : 'quick';
  const settings = { mode, ...MODES[mode], logLevel: values['log-level'], datasetSize: 1_000, seed: 42, heavyOrders: 1_000, gatewayCore: 1, benchCore: 0 };
  const startedAt = new Date();
  const machine = machineInfo();
  const benchPinned = pinProcess(process.pid, settings.benchCore, machine.nproc);
  console.log(`c360 bench (${mode}): ${machine.cpuModel} × ${machine.nproc}, Node ${machine.node}, commit ${machine.gitCommit.slice(0, 12)}${machine.gitDirty ? ' (dirty)' : ''}; bench+sandbox on core ${benchPinned ? settings.benchCore : 'any'}`);

  const { dataset, shopifyCustomerId } = addHeavyOrders(generateDataset({ size: settings.datasetSize, seed: settings.seed }), settings.heavyOrders);
  const sandbox = await startSandbox({ dataset, shopifyBucket: UNTHROTTLED_SHOPIFY });
  const pin = { core: settings.gatewayCore, cores: machine.nproc, logLevel: settings.logLevel };
  const gateway = await startGatewayProcess(sandbox, { name: 'gateway' }, pin);
  try {
    // Correctness first, with no injected latency: a wrong answer makes every timing meaningless.
    const customers = await selectCustomers(gateway.url, dataset, 240);
    if (customers.length < 200) throw new Error(`only ${customers.length} customers in all three sources; the list query needs 200`);
    const goldenPath = fileURLToPath(new URL('../../bench/golden/customer360.json', import.meta.url));
    const gate = await correctnessGate(gateway.url, customers.slice(0, 8).map((c) => c.id), goldenPath, values['update-golden']);
    if (gate.kind === 'failed') throw new Error(`correctness gate failed: ${gate.detail}`);
    console.log(gate.kind === 'passed' ? `correctness gate: ${gate.customers} customers equal ${goldenPath}` : `correctness gate: golden file written (${gate.customers} customers): ${goldenPath}`);

    const log = (line: string): void => console.log(line);
    // Issue 17's side-by-side first, while the gateway has seen only the gate's queries.
    const compared = await compareTargets({ sandbox, gateway, customers, settings, pin, log });
    const soak = soakMinutes > 0 ? await soakGateway({ sandbox, gateway, customers, settings, minutes: soakMinutes, log }) : null;
    const coldIds = coldCustomerIds(dataset, customers.map((c) => c.id));
    const { rows, figures } = values['compare-only'] ? { rows: [], figures: {} } : await runPhases({ sandbox, gateway, customers, coldIds, shopifyCustomerId, settings, pin, log });
    rows.unshift(...compared.rows);
    const table = formatTable(rows);
    console.log(`\n${table}\n`);
    console.log(`Side by side (issue 17), ${settings.compareRounds} interleaved rounds, medians:\n\n${formatComparison(compared.comparison)}\n`);
    if (soak) console.log(`Soak: ${formatSoak(soak)}\n`);
    const results = { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), machine, benchPinned, settings, gate, gatewayConfig: gateway.configYaml, comparison: compared.comparison, soak, rows, figures };
    const dir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    const file = `${dir}${startedAt.toISOString().replace(/[:.]/g, '-')}-${mode}.json`;
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`, 'utf8');
    writeFileSync(`${dir}latest-${mode}.json`, `${JSON.stringify(results, null, 2)}\n`, 'utf8');
    console.log(`results: ${file}`);
  } finally {
    await gateway.stop();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
