import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A running `c360 demo` (what `npm start` runs) and what it printed. */
export interface DemoProcess {
  readonly url: string;
  readonly origin: string;
  readonly adminToken: string;
  readonly agentToken: string;
  readonly apiKey: string;
  /** Sandbox base URL per source name (salesforce, shopify, zendesk). */
  readonly sandbox: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * Starts the built CLI's demo (`dist/src/cli.js demo --port 0`) in a temporary folder (its `.c360/` override
 * file and audit log go there) and reads the URL, tokens and sandbox URLs from its output. Rejects after
 * `timeoutMs` or when the process exits first. Needs `npm run build` first.
 */
export async function startDemoProcess(options: { size: number; seed: number; timeoutMs?: number }): Promise<DemoProcess> {
  const cli = resolve('dist/src/cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does)`);
  const cwd = mkdtempSync(join(tmpdir(), 'c360-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [cli, 'demo', '--port', '0', '--size', String(options.size), '--seed', String(options.seed)], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(cwd, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!out.includes('Press Ctrl-C to stop.')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`demo did not start:\n${out.slice(0, 2_000)}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  const field = (label: string): string => {
    const match = new RegExp(`^ {2}${label} +(\\S+)`, 'm').exec(out);
    if (!match) throw new Error(`demo output has no ${label} line`);
    return match[1]!;
  };
  const sandbox: Record<string, string> = {};
  for (const name of ['salesforce', 'shopify', 'zendesk']) {
    const match = new RegExp(`^ +${name} +(http://\\S+)`, 'm').exec(out);
    if (match) sandbox[name] = match[1]!;
  }
  const url = field('GraphQL');
  return { url, origin: new URL(url).origin, adminToken: field('Token'), agentToken: field('Agent'), apiKey: field('API key'), sandbox, stop };
}
