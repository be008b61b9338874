import type { CountryCode } from 'libphonenumber-js';
import { formatRef, type IdentityRecord, type SourceRef } from '../domain/index.js';
import type { Cluster, ClusterLink, MatchEvidence } from './Cluster.js';
import { encodeCustomerId } from './customerId.js';
import { keyOf } from './keyOf.js';
import { recordKeys } from './recordKeys.js';

/** Options of {@link buildClusters}. */
export interface BuildClustersOptions {
  readonly defaultRegion: CountryCode;
  /** Source names, highest priority first; picks each cluster's anchor. Unlisted sources rank last. */
  readonly sourcePriority: readonly string[];
  /** Key texts (see keyOf) known to be generic (too many matches); they never link. */
  readonly genericKeys?: ReadonlySet<string>;
  /** ms since the epoch stamped on the clusters. */
  readonly now: number;
}

/** Clusters plus the lookup from a member's `source/id` to its cluster. */
export interface ClusterSet {
  readonly clusters: readonly Cluster[];
  readonly clusterOf: ReadonlyMap<string, Cluster>;
  /** Key texts that were not used for linking because several records of one source carry them. */
  readonly sharedKeys: ReadonlySet<string>;
}

/**
 * Groups records into people by exact normalised email or phone (DESIGN.md §5, deterministic rules).
 * Anti-overmerge: a key carried by two or more records **of the same source** is a shared value (a household
 * email, a switchboard number) and does not link anything; nor does a generic key. Each cluster's anchor is
 * the member from the highest-priority source, then the smallest id; links explain the path from the anchor.
 * Pure and deterministic for its inputs.
 */
export function buildClusters(records: readonly IdentityRecord[], options: BuildClustersOptions): ClusterSet {
  const byRef = new Map<string, IdentityRecord>();
  for (const record of records) byRef.set(formatRef(record.ref), record);
  const refs = [...byRef.keys()];
  const keysOfRecord = new Map<string, string[]>();
  const holders = new Map<string, { attribute: 'email' | 'phone'; refs: string[]; perSource: Map<string, number> }>();
  for (const [refText, record] of byRef) {
    const keys = recordKeys(record, options.defaultRegion);
    keysOfRecord.set(refText, keys.map(keyOf));
    for (const key of keys) {
      const text = keyOf(key);
      let entry = holders.get(text);
      if (!entry) holders.set(text, (entry = { attribute: key.kind, refs: [], perSource: new Map() }));
      entry.refs.push(refText);
      entry.perSource.set(record.ref.source, (entry.perSource.get(record.ref.source) ?? 0) + 1);
    }
  }
  const sharedKeys = new Set<string>();
  for (const [text, entry] of holders) {
    if ([...entry.perSource.values()].some((n) => n > 1)) sharedKeys.add(text);
  }
  const linking = (text: string): boolean => !sharedKeys.has(text) && !(options.genericKeys?.has(text) ?? false);

  // Adjacency over linking keys.
  const neighbours = new Map<string, Map<string, MatchEvidence[]>>();
  for (const refText of refs) neighbours.set(refText, new Map());
  for (const [text, entry] of holders) {
    if (!linking(text) || entry.refs.length < 2) continue;
    for (const a of entry.refs) {
      for (const b of entry.refs) {
        if (a === b) continue;
        const evidence = neighbours.get(a)!;
        const list = evidence.get(b) ?? [];
        if (!list.some((e) => e.attribute === entry.attribute)) list.push({ attribute: entry.attribute, level: 'EXACT', weight: null });
        evidence.set(b, list);
      }
    }
  }

  const rank = (ref: SourceRef): number => {
    const index = options.sourcePriority.indexOf(ref.source);
    return index === -1 ? options.sourcePriority.length : index;
  };
  const compareRefs = (a: SourceRef, b: SourceRef): number => rank(a) - rank(b) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  const clusterOf = new Map<string, Cluster>();
  const clusters: Cluster[] = [];
  const seen = new Set<string>();
  for (const start of refs) {
    if (seen.has(start)) continue;
    // Collect the component, then walk it again from the anchor to explain each link.
    const component: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const current = stack.pop()!;
      component.push(current);
      for (const next of neighbours.get(current)!.keys()) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    const anchorText = component.map((r) => byRef.get(r)!.ref).sort(compareRefs)[0]!;
    const anchorKey = formatRef(anchorText);
    const links: ClusterLink[] = [{ ref: anchorText, rule: 'SEED', confidence: 1, linkedTo: null, matchedOn: [] }];
    const visited = new Set([anchorKey]);
    const queue = [anchorKey];
    while (queue.length > 0) {
      const current = queue.shift()!;
      const next = [...neighbours.get(current)!.entries()].filter(([ref]) => !visited.has(ref));
      next.sort(([a], [b]) => compareRefs(byRef.get(a)!.ref, byRef.get(b)!.ref));
      for (const [ref, evidence] of next) {
        visited.add(ref);
        queue.push(ref);
        const sorted = [...evidence].sort((x, y) => x.attribute.localeCompare(y.attribute));
        links.push({
          ref: byRef.get(ref)!.ref,
          rule: sorted[0]!.attribute === 'email' ? 'EXACT_EMAIL' : 'EXACT_PHONE',
          confidence: 1,
          linkedTo: byRef.get(current)!.ref,
          matchedOn: sorted,
        });
      }
    }
    const cluster: Cluster = { customerId: encodeCustomerId(anchorText), anchor: anchorText, links, resolvedAt: options.now };
    clusters.push(cluster);
    for (const ref of component) clusterOf.set(ref, cluster);
  }
  return { clusters, clusterOf, sharedKeys };
}
