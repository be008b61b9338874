import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** True when `taskset` exists and the machine has at least two cores (so pinning separates processes). */
export function canPin(cores: number): boolean {
  return cores >= 2 && spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** Pins an already running process (e.g. the bench itself) to one core; returns false when it could not. */
export function pinProcess(pid: number, core: number, cores: number): boolean {
  return canPin(cores) && spawnSync('taskset', ['-pc', String(core), String(pid)], { stdio: 'ignore' }).status === 0;
}

/** A free loopback TCP port (closed again before returning; a tiny race is acceptable for a bench). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A child Node process pinned to one core, with its resource readings from /proc. */
export interface PinnedProcess {
  readonly pid: number;
  readonly pinned: boolean;
  /** User + system CPU seconds used so far (from /proc/<pid>/stat); NaN when unreadable. */
  cpuSeconds(): number;
  /** Peak resident set size so far, MiB (VmHWM); NaN when unreadable. */
  peakRssMiB(): number;
  /** Current resident set size, MiB (VmRSS). */
  rssMiB(): number;
  /** SIGTERM, then SIGKILL after 5 s; resolves when it exited. */
  stop(): Promise<void>;
}

/**
 * Starts `node <args>` pinned to `core` with taskset when possible (stdout to `stdoutFd` when given, dropped
 * otherwise; stderr inherited), and waits until `ready()` resolves true (polled every 100 ms, up to
 * `readyTimeoutMs`, default 20 s). `launcher` prefixes the command (e.g. `valgrind --tool=callgrind`).
 */
export async function spawnPinned(args: readonly string[], options: { core: number; cores: number; env?: NodeJS.ProcessEnv; ready: () => Promise<boolean>; launcher?: readonly string[]; readyTimeoutMs?: number; stdoutFd?: number }): Promise<PinnedProcess> {
  const pinned = canPin(options.cores);
  // `launcher`: a command that runs node (e.g. valgrind); it must exec in place so the pid stays node's.
  const command = [...(options.launcher ?? []), process.execPath, ...args];
  // stdout is dropped unless `stdoutFd` (an open file) is given: e.g. V8's --trace-gc-nvp lines (bench/traceLightGc.ts).
  const stdio: ['ignore', 'ignore' | number, 'inherit'] = ['ignore', options.stdoutFd ?? 'ignore', 'inherit'];
  const child: ChildProcess = pinned
    ? spawn('taskset', ['-c', String(options.core), ...command], { stdio, env: options.env ?? process.env })
    : spawn(command[0]!, command.slice(1), { stdio, env: options.env ?? process.env });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let dead = false;
  void exited.then(() => (dead = true));
  const started = Date.now();
  for (;;) {
    if (dead) throw new Error(`process ${args.join(' ')} exited before it was ready`);
    if (await options.ready().catch(() => false)) break;
    if (Date.now() - started > (options.readyTimeoutMs ?? 20_000)) {
      child.kill('SIGKILL');
      throw new Error(`process ${args.join(' ')} was not ready after ${(options.readyTimeoutMs ?? 20_000) / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // With taskset -c, taskset execs node, so the child's pid is node's pid.
  const pid = child.pid!;
  const status = (key: string): number => {
    try {
      const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${key}:`));
      return line ? Number(line.replace(/\D+/g, ' ').trim().split(' ')[0]) / 1024 : Number.NaN;
    } catch {
      return Number.NaN;
    }
  };
  return {
    pid,
    pinned,
    cpuSeconds() {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return Number.NaN;
      }
    },
    peakRssMiB: () => status('VmHWM'),
    rssMiB: () => status('VmRSS'),
    async stop() {
      if (dead) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
