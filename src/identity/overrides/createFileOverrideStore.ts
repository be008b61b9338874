import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { OverrideChange, OverrideStore } from './OverrideStore.js';

/** One stored {@link OverrideChange} (the file's entries, and each Redis list element). */
export const overrideChangeSchema = z.object({
  id: z.string(),
  kind: z.enum(['link', 'unlink', 'suppress']),
  refs: z.array(z.string()),
  reason: z.string(),
  actor: z.string(),
  at: z.string(),
});

const fileSchema = z.object({
  version: z.literal(1),
  changes: z.array(overrideChangeSchema),
});

/**
 * An {@link OverrideStore} in one JSON file (`{"version":1,"changes":[…]}`), the default store. A missing file
 * is an empty store (created, with its directory, on the first change); an unreadable or malformed file
 * rejects `load` with a message naming the file. Each `append` rewrites the file atomically (temp file +
 * rename), appends one at a time, and resolves once written. One gateway process per file.
 */
export function createFileOverrideStore(path: string): OverrideStore {
  let changes: OverrideChange[] | null = null;
  let queue: Promise<void> = Promise.resolve();

  async function load(): Promise<OverrideChange[]> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return (changes = []);
      throw new Error(`overrides file ${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new Error(`overrides file ${path}: not valid JSON`);
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`overrides file ${path}: ${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return (changes = parsed.data.changes);
  }

  return {
    description: `file:${path}`,
    load: async () => [...(await load())],
    append(change) {
      const run = queue.then(async () => {
        const current = changes ?? (await load());
        const next = [...current, change];
        await mkdir(dirname(path), { recursive: true });
        const temp = `${path}.${process.pid}.tmp`;
        await writeFile(temp, `${JSON.stringify({ version: 1, changes: next }, null, 2)}\n`, 'utf8');
        await rename(temp, path);
        changes = next;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
