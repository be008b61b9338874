#!/usr/bin/env node
// First: sets process defaults before graphql-js loads (see the module).
import './runtimeDefaults.js';
import { parseArgs } from 'node:util';

const USAGE = `usage:
  c360 demo    [--port N] [--host H] [--size N] [--seed N] [--log-level L]
                 sandbox + gateway together (what \`npm start\` runs); --port 0 picks a free port
  c360 serve   --config c360.yaml [--port N] [--host H]
                 the gateway against the sources in a config file
  c360 sandbox [--size N] [--seed N] [--salesforce-port N] [--shopify-port N] [--zendesk-port N] [--webhooks-to URL]
                 only the simulated Salesforce, Shopify and Zendesk servers; --webhooks-to sends their signed change
                 webhooks to a gateway (origin, e.g. http://127.0.0.1:4000)
  c360 sandbox linkage --out DIR [--size N] [--seed N]
                 writes a seeded record-linkage benchmark (crm/shop/support CSVs, truth, c360 config)
  c360 identity train --config c360.yaml [--out model.json] [--sample N] [--seeds N]
                 estimate match weights (EM) and term frequencies from the sources; point identity.model at the file
  c360 identity evaluate --config c360.yaml (--truth pairs.csv | --cluster-column SOURCE:COLUMN[,...] [--cluster-pattern REGEX])
                 [--out DIR] [--thresholds a,b,c] [--concurrency N]
                 precision, recall, F1 and a threshold sweep of identity resolution against labelled data
  c360 state migrate-overrides --config c360.yaml
                 copies the overrides file into the Redis store of state.redis (idempotent), before running replicas`;

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`--${name} must be an integer ${min}..${max}, got ${JSON.stringify(value)}`);
  return Number(value);
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      sample: { type: 'string' },
      seeds: { type: 'string' },
      config: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      size: { type: 'string' },
      seed: { type: 'string' },
      'log-level': { type: 'string' },
      'salesforce-port': { type: 'string' },
      'shopify-port': { type: 'string' },
      'zendesk-port': { type: 'string' },
      'webhooks-to': { type: 'string' },
      truth: { type: 'string' },
      'cluster-column': { type: 'string' },
      'cluster-pattern': { type: 'string' },
      thresholds: { type: 'string' },
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || command === undefined || command === 'help' || command === '--help' || command === '-h') {
    print(USAGE);
    return;
  }
  const linkage = command === 'sandbox' && positionals[0] === 'linkage';
  if (positionals.length > (command === 'identity' || command === 'state' || linkage ? 1 : 0)) throw new UsageError(`unexpected argument ${JSON.stringify(positionals.at(-1))}`);
  const port = integer('port', values.port, 0, 65_535);
  const size = integer('size', values.size, 1, 100_000);
  const seed = integer('seed', values.seed, 0, 2 ** 31 - 1);
  // Commands are loaded on demand: usage errors and --help answer without loading the gateway (seconds on a
  // busy machine), and `sandbox` does not load Apollo.
  switch (command) {
    case 'demo': {
      const { runDemo } = await import('./commands/runDemo.js');
      return runDemo({ port, host: values.host, size, seed, logLevel: values['log-level'] }, print);
    }
    case 'serve': {
      if (!values.config) throw new UsageError('serve needs --config <file>');
      const { runServe } = await import('./commands/runServe.js');
      return runServe({ configPath: values.config, port, host: values.host }, print);
    }
    case 'sandbox': {
      if (linkage) {
        if (!values.out) throw new UsageError('sandbox linkage needs --out <dir>');
        const { runSandboxLinkage } = await import('./commands/runSandboxLinkage.js');
        return runSandboxLinkage({ out: values.out, size, seed }, print);
      }
      const { runSandbox } = await import('./commands/runSandbox.js');
      const ports = {
        salesforce: integer('salesforce-port', values['salesforce-port'], 0, 65_535) ?? 0,
        shopify: integer('shopify-port', values['shopify-port'], 0, 65_535) ?? 0,
        zendesk: integer('zendesk-port', values['zendesk-port'], 0, 65_535) ?? 0,
      };
      const webhooksTo = values['webhooks-to'];
      if (webhooksTo !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(webhooksTo)) throw new UsageError(`--webhooks-to must be a gateway origin like http://127.0.0.1:4000, got ${JSON.stringify(webhooksTo)}`);
      return runSandbox({ size, seed, ports, webhooksTo }, print);
    }
    case 'identity': {
      if (positionals[0] === 'train') {
        if (!values.config) throw new UsageError('identity train needs --config <file>');
        const { runIdentityTrain } = await import('./commands/runIdentityTrain.js');
        return runIdentityTrain(
          { configPath: values.config, out: values.out, sample: integer('sample', values.sample, 2, 10_000_000), seeds: integer('seeds', values.seeds, 0, 100_000) },
          print,
        );
      }
      if (positionals[0] !== 'evaluate') throw new UsageError(`unknown identity command ${JSON.stringify(positionals[0] ?? '')}; try identity train or identity evaluate`);
      if (!values.config) throw new UsageError('identity evaluate needs --config <file>');
      const { runIdentityEvaluate } = await import('./commands/runIdentityEvaluate.js');
      await runIdentityEvaluate(
        {
          configPath: values.config,
          truthPath: values.truth,
          clusterColumns: values['cluster-column'],
          clusterPattern: values['cluster-pattern'],
          outDir: values.out,
          thresholds: values.thresholds,
          concurrency: integer('concurrency', values.concurrency, 1, 256),
        },
        print,
      );
      return;
    }
    case 'state': {
      if (positionals[0] !== 'migrate-overrides') throw new UsageError(`unknown state command ${JSON.stringify(positionals[0] ?? '')}; try state migrate-overrides`);
      if (!values.config) throw new UsageError('state migrate-overrides needs --config <file>');
      const { runStateMigrateOverrides } = await import('./commands/runStateMigrateOverrides.js');
      return runStateMigrateOverrides({ configPath: values.config }, print);
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof Error && error.name === 'ConfigError') {
      process.stderr.write(`c360: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`c360: ${error.message}\n${USAGE}\n`);
      process.exit(2);
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(`c360: the port is already in use (${(error as Error).message}); choose another with --port, or --port 0 for a free one\n`);
      process.exit(1);
    }
    process.stderr.write(`c360: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
