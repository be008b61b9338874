import { loadConfig } from '../config.js';
import { createServer } from '../server.js';
import { waitForShutdown } from './waitForShutdown.js';

/** Options of {@link runServe}. */
export interface RunServeOptions {
  readonly configPath: string;
  readonly port?: number | undefined;
  readonly host?: string | undefined;
}

/** `c360 serve`: the gateway against the sources in a config file, until Ctrl-C. Throws ConfigError. */
export async function runServe(options: RunServeOptions, print: (line: string) => void): Promise<void> {
  const loaded = loadConfig(options.configPath);
  const config = { ...loaded, server: { ...loaded.server, ...(options.port === undefined ? {} : { port: options.port }), ...(options.host ? { host: options.host } : {}) } };
  const gateway = createServer(config);
  const url = await gateway.start();
  print(`c360-gateway listening on ${url} (sources: ${config.sources.map((s) => `${s.name}=${s.baseUrl}`).join(', ')})`);
  await waitForShutdown(() => gateway.stop(), print);
}
