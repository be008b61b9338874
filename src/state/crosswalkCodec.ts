import type { SharedCrosswalkEntry } from '../identity/SharedCrosswalk.js';
import type { Cluster } from '../identity/Cluster.js';

/** Wire version of a stored crosswalk entry; entries of another version read as misses. */
const VERSION = 1;

/**
 * Text of a crosswalk entry for Redis: JSON, with non-finite numbers (a weight of -Infinity) kept as
 * `{"$num":"-Infinity"}` so {@link decodeCrosswalkEntry} gives back an equal object.
 */
export function encodeCrosswalkEntry(entry: SharedCrosswalkEntry): string {
  return JSON.stringify({ v: VERSION, e: entry }, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? { $num: String(value) } : value));
}

/** The entry back, or undefined for text that is not a current-version entry (treated as a miss). */
export function decodeCrosswalkEntry(text: string): SharedCrosswalkEntry | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text, (_key, value: unknown) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const num = (value as { $num?: unknown }).$num;
        if (typeof num === 'string' && Object.keys(value).length === 1) return Number(num);
      }
      return value;
    });
  } catch {
    return undefined;
  }
  const wrapper = raw as { v?: unknown; e?: Partial<SharedCrosswalkEntry> } | null;
  const entry = wrapper?.e;
  if (wrapper?.v !== VERSION || !entry || typeof entry.freshUntil !== 'number') return undefined;
  if (entry.resolution === undefined && entry.cluster === undefined) return undefined;
  return entry as SharedCrosswalkEntry;
}

/** Every `source/id` an entry mentions (members and candidates of each cluster), for the invalidation index. */
export function refsOfEntry(entry: SharedCrosswalkEntry): string[] {
  const clusters: Cluster[] = [];
  if (entry.cluster) clusters.push(entry.cluster);
  const r = entry.resolution;
  if (r?.status === 'matched') clusters.push(r.match.cluster);
  else if (r?.status === 'ambiguous') clusters.push(...r.matches.map((m) => m.cluster));
  const refs = new Set<string>();
  for (const cluster of clusters) {
    for (const link of cluster.links) refs.add(`${link.ref.source}/${link.ref.id}`);
    for (const candidate of cluster.candidates ?? []) refs.add(`${candidate.ref.source}/${candidate.ref.id}`);
  }
  return [...refs];
}
