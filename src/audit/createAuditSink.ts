import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditConfig } from './auditConfigSchema.js';
import type { AuditEvent } from './AuditEvent.js';

/** Where audit events go. `write` never throws; `events` keeps the last 1 000 (tests, diagnostics). */
export interface AuditSink {
  write(event: AuditEvent): void;
  /** Resolves when every event written so far is on disk (file sink) or flushed (stdout). */
  flush(): Promise<void>;
}

/**
 * Builds the sink from `audit:` config: JSON lines on stdout, appended to a file (directory created), or
 * nowhere. File writes are serialised so lines never interleave; a failed write is reported to `onError`.
 */
export function createAuditSink(config: AuditConfig, onError: (error: unknown) => void, stdout: NodeJS.WritableStream = process.stdout): AuditSink {
  let chain: Promise<void> = Promise.resolve();
  let dirReady: Promise<unknown> | null = null;
  return {
    write(event) {
      if (config.sink === 'off') return;
      const line = `${JSON.stringify(event)}\n`;
      if (config.sink === 'stdout') {
        stdout.write(line);
        return;
      }
      dirReady ??= mkdir(dirname(config.file), { recursive: true });
      chain = chain.then(() => dirReady).then(() => appendFile(config.file, line, { mode: 0o600 })).catch(onError);
    },
    flush: () => chain,
  };
}
