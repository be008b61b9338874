import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSourceAdapter } from '../../src/adapters/createSourceAdapter.js';
import { createLogger } from '../../src/logger.js';

describe('createSourceAdapter: logs', () => {
  it('writes the source name once per JSON log line', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    });
    const path = join(mkdtempSync(join(tmpdir(), 'c360-adapter-')), 'missing.csv');
    const adapter = createSourceAdapter(
      { name: 'loyalty', kind: 'file', baseUrl: pathToFileURL(path).href, timeoutMs: 1_000, maxSockets: 1, credentials: { kind: 'file' }, file: { name: 'loyalty', kind: 'file', path, columns: { id: 'id' } } } as never,
      createLogger('info', sink),
    );
    await adapter.getByIds(['1'], {}).catch(() => undefined);
    await adapter.close?.();
    const line = lines.find((l) => l.includes('file source unavailable'));
    expect(line, lines.join('')).toBeDefined();
    expect(line!.match(/"source":/g)).toHaveLength(1);
    expect(JSON.parse(line!)).toMatchObject({ source: 'loyalty' });
  });
});
