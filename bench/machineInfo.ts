import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** Where and with what a bench run happened (recorded with every result). */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpus: number;
  readonly nproc: number;
  readonly cpuMHz: number;
  readonly totalMemMiB: number;
  readonly kernel: string;
  readonly node: string;
  readonly npm: string;
  readonly gitCommit: string;
  readonly gitDirty: boolean;
  readonly loadAverage: readonly number[];
}

function run(cmd: string, args: readonly string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** Reads the machine, Node/npm versions and git commit (read-only git commands). */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    nproc: Number(run('nproc', [])) || cpus.length,
    cpuMHz: cpus[0]?.speed ?? 0,
    totalMemMiB: Math.round(os.totalmem() / 1024 / 1024),
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    npm: run('npm', ['-v']),
    gitCommit: run('git', ['rev-parse', 'HEAD']),
    gitDirty: run('git', ['status', '--porcelain']).length > 0,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
