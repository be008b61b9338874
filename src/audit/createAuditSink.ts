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
 * nowhere. The lines of one turn of the event loop go out together, in order, after it (one `write` or one
 * append per turn instead of one per request: a write per request was ~0.5 % of a query's CPU at saturation,
 * and an append opens and closes the file each time). File writes are serialised so lines never interleave;
 * a failed write is reported to `onError`. `flush` sends what is waiting at once.
 */
export function createAuditSink(config: AuditConfig, onError: (error: unknown) => void, stdout: NodeJS.WritableStream = process.stdout): AuditSink {
  let chain: Promise<void> = Promise.resolve();
  let dirReady: Promise<unknown> | null = null;
  let waiting: string[] = [];
  let scheduled: NodeJS.Immediate | null = null;
  const send = (): void => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    if (waiting.length === 0) return;
    const text = waiting.join('');
    waiting = [];
    if (config.sink === 'stdout') {
      stdout.write(text);
      return;
    }
    if (config.sink !== 'file') return;
    const file = config.file;
    dirReady ??= mkdir(dirname(file), { recursive: true });
    chain = chain.then(() => dirReady).then(() => appendFile(file, text, { mode: 0o600 })).catch(onError);
  };
  return {
    write(event) {
      if (config.sink === 'off') return;
      waiting.push(`${JSON.stringify(event)}\n`);
      scheduled ??= setImmediate(send);
    },
    flush() {
      send();
      return chain;
    },
  };
}
