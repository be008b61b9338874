import { SANDBOX_WEBHOOK_ENV, startSandbox } from '../sandbox/index.js';
import { waitForShutdown } from './waitForShutdown.js';

/** Options of {@link runSandbox}. */
export interface RunSandboxOptions {
  readonly size?: number | undefined;
  readonly seed?: number | undefined;
  readonly ports?: { salesforce?: number; shopify?: number; zendesk?: number };
  /** Gateway origin the fakes send their signed change webhooks to (`/webhooks/<vendor>`); default none. */
  readonly webhooksTo?: string | undefined;
}

/** `c360 sandbox`: only the simulated sources, printing their base URLs and credentials, until Ctrl-C. */
export async function runSandbox(options: RunSandboxOptions, print: (line: string) => void): Promise<void> {
  const sandbox = await startSandbox({
    ...(options.size === undefined ? {} : { size: options.size }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.ports ? { ports: options.ports } : {}),
  });
  print(`c360 sandbox: ${sandbox.dataset.size} synthetic people (seed ${sandbox.dataset.seed})`);
  for (const source of sandbox.sourceConfigs()) print(`  ${source.name.padEnd(11)} ${source.baseUrl}`);
  print('');
  print('Credentials (sandbox only): Salesforce "Authorization: Bearer sandbox-salesforce-token",');
  print('  Shopify "X-Shopify-Access-Token: shpat_sandbox", Zendesk Basic agent@sandbox.example/token:sandbox-zendesk-token');
  print('Fault control on each server: POST /__fake/faults, GET /__fake/requests, POST /__fake/reset (see README).');
  if (options.webhooksTo) {
    sandbox.sendWebhooksTo(options.webhooksTo);
    print(`Change webhooks go to ${options.webhooksTo}/webhooks/{shopify,zendesk,salesforce}, signed with the secrets a gateway reads from`);
    print(`  ${Object.entries(SANDBOX_WEBHOOK_ENV).map(([env, secret]) => `${env}=${secret}`).join(' ')} (sandbox only)`);
  } else {
    print('Change webhooks: off (--webhooks-to <gateway origin> turns them on).');
  }
  await waitForShutdown(() => sandbox.close(), print);
}
