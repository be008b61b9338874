import { type IdentityRecord, type SourceRef } from '../domain/index.js';
import type { Cluster, ClusterCandidate, ClusterLink, MatchEvidence, MatchRule } from './Cluster.js';
import type { Matcher, PairScore, ValueStatus } from './createMatcher.js';
import { encodeCustomerId } from './customerId.js';
import { EMPTY_OVERRIDES, type OverrideState } from './OverrideState.js';
import { toProfile, type ProfileOptions, type RecordProfile } from './RecordProfile.js';
import { valueStatus } from './valueStatus.js';
import { candidatePairs, pairKey } from './candidatePairs.js';

/** Options of {@link buildClusters}. */
export interface BuildClustersOptions extends ProfileOptions {
  readonly matcher: Matcher;
  /** Source names, highest priority first; picks each cluster's anchor. Unlisted sources rank last. */
  readonly sourcePriority: readonly string[];
  /** Key texts (see keyOf) known to be generic (a search returned too many records); they never link. */
  readonly genericKeys?: ReadonlySet<string>;
  /** Distinct people above which a value is generic. Default 3. */
  readonly genericMaxPeople?: number;
  /** Records one source may contribute to one cluster. Default 10. */
  readonly maxMembersPerSource?: number;
  /** Operator overrides. Default none. */
  readonly overrides?: OverrideState;
  /** ms since the epoch stamped on the clusters. */
  readonly now: number;
  /** Records sharing one blocking key above which that key pairs nothing (too common to compare all). Default 50. */
  readonly maxPairBucket?: number;
}

/**
 * An equal personal email, phone or declared identifier links outright unless the rest of the evidence
 * disagrees by more than this many bits (a different phone and nothing else in common: a candidate, not a
 * merge; the same email with agreeing names: a link).
 */
const DETERMINISTIC_VETO = -2;

/**
 * True when a pair agrees on its names and on nothing else (no contact point, date, address or identifier):
 * however rare the name, that is a namesake as often as the same person, so it stays a candidate.
 */
function namesOnly(pair: PairScore): boolean {
  return !pair.evidence.some((e) => (e.weight ?? 0) > 0 && !NAME_ATTRIBUTES.has(e.attribute));
}
const NAME_ATTRIBUTES = new Set(['givenName', 'familyName', 'nameOrder']);

/** The weight of the value that made a pair deterministic (its EXACT evidence). */
function deterministicWeight(pair: PairScore): number {
  const attribute = pair.deterministic === 'EXACT_EMAIL' ? 'email' : pair.deterministic === 'EXACT_PHONE' ? 'phone' : `identifier:${pair.deterministic!.slice('EXACT_IDENTIFIER:'.length)}`;
  return pair.evidence.find((e) => e.attribute === attribute && e.level === 'EXACT')?.weight ?? 0;
}

/** Records per shared key above which the key pairs nothing. */
const DEFAULT_MAX_PAIR_BUCKET = 50;
/** Longest stretch of comparing before yielding to the event loop, ms. */
const SLICE_MS = 3;

/** Clusters plus the lookup from a member's `source/id` to its cluster. */
export interface ClusterSet {
  readonly clusters: readonly Cluster[];
  readonly clusterOf: ReadonlyMap<string, Cluster>;
  /** Key texts that were not used for linking: shared by several people, or generic. */
  readonly sharedKeys: ReadonlySet<string>;
  readonly values: ValueStatus;
  readonly profiles: ReadonlyMap<string, RecordProfile>;
}

interface Edge {
  readonly a: string;
  readonly b: string;
  readonly rule: MatchRule | null;
  readonly score: number | null;
  readonly evidence: readonly MatchEvidence[];
  /** Sort rank: overrides, then deterministic, then probabilistic by score. */
  readonly strength: number;
}

/**
 * Groups records into people (DESIGN.md §5). The pairs compared are those that share a blocking key (see
 * candidatePairs; a key shared by more than `maxPairBucket` records pairs nothing), plus override pairs.
 * Comparing yields to the event loop every few milliseconds, so a large resolution never stalls other
 * requests. Edges are, in this
 * order: `linkRecords` overrides, deterministic rules (an equal personal email, phone or declared
 * identifier, vetoed when the rest of the evidence disagrees by more than 2 bits or the pair's overall
 * score is below the review threshold), then probabilistic scores at or above the link threshold,
 * strongest first. Edges are accepted greedily unless they would put an `unlinkRecords` pair into one
 * cluster or exceed `maxMembersPerSource`; refused edges and pairs between the thresholds become
 * candidates, never merges. Suppressed records are dropped. Each cluster's anchor is the member from the
 * highest-priority source, then the smallest id. Deterministic for its inputs.
 */
export async function buildClusters(records: readonly IdentityRecord[], options: BuildClustersOptions): Promise<ClusterSet> {
  const { matcher } = options;
  const overrides = options.overrides ?? EMPTY_OVERRIDES;
  const profiles = new Map<string, RecordProfile>();
  for (const record of records) {
    const profile = toProfile(record, options);
    if (!overrides.suppressed.has(profile.refText)) profiles.set(profile.refText, profile);
  }
  const list = [...profiles.values()];
  const values = valueStatus(list, matcher, options.genericMaxPeople ?? 3, options.genericKeys ?? new Set());

  const edges: Edge[] = [];
  const reviewPairs: Array<Edge & { why?: string }> = [];
  const overrideLinks = new Set(overrides.links.map(([a, b]) => pairKey(a, b)));
  const pairs = candidatePairs(list, matcher, options.maxPairBucket ?? DEFAULT_MAX_PAIR_BUCKET);
  for (const [a, b] of overrides.links) if (profiles.has(a) && profiles.has(b)) pairs.set(pairKey(a, b), [profiles.get(a)!, profiles.get(b)!]);
  let sliceStart = performance.now();
  let count = 0;
  for (const [a, b] of pairs.values()) {
    count += 1;
    if ((count & 63) === 0 && performance.now() - sliceStart > SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    const pair = matcher.compare(a, b, values);
    if (overrideLinks.has(pairKey(a.refText, b.refText))) {
      edges.push({ a: a.refText, b: b.refText, rule: 'OVERRIDE', score: null, evidence: pair.evidence, strength: Number.POSITIVE_INFINITY });
    } else if (pair.deterministic !== null && pair.score >= matcher.reviewThreshold && pair.score - deterministicWeight(pair) >= DETERMINISTIC_VETO) {
      edges.push({ a: a.refText, b: b.refText, rule: pair.deterministic, score: pair.score, evidence: pair.evidence, strength: 1e6 + pair.score });
    } else if (pair.score >= matcher.linkThreshold && !namesOnly(pair)) {
      edges.push({ a: a.refText, b: b.refText, rule: 'PROBABILISTIC', score: pair.score, evidence: pair.evidence, strength: pair.score });
    } else if (pair.score >= matcher.linkThreshold) {
      reviewPairs.push({ a: a.refText, b: b.refText, rule: null, score: pair.score, evidence: pair.evidence, strength: pair.score, why: 'only the names agree (no contact point, birth date, address or identifier): as often a namesake as the same person' });
    } else if (pair.score >= matcher.reviewThreshold) {
      reviewPairs.push({ a: a.refText, b: b.refText, rule: null, score: pair.score, evidence: pair.evidence, strength: pair.score });
    }
  }
  edges.sort((x, y) => y.strength - x.strength || (x.a + x.b < y.a + y.b ? -1 : 1));

  // Union-find with cannot-link and per-source bounds.
  const parent = new Map(list.map((p) => [p.refText, p.refText]));
  const members = new Map(list.map((p) => [p.refText, [p.refText]]));
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const unlinks = overrides.unlinks.filter(([a, b]) => profiles.has(a) && profiles.has(b));
  const maxPerSource = options.maxMembersPerSource ?? 10;
  const accepted: Edge[] = [];
  const refused: Array<Edge & { why: string }> = [];
  for (const edge of edges) {
    const ra = find(edge.a);
    const rb = find(edge.b);
    if (ra === rb) {
      accepted.push(edge);
      continue;
    }
    const merged = [...members.get(ra)!, ...members.get(rb)!];
    const inMerged = new Set(merged);
    if (edge.rule !== 'OVERRIDE' && unlinks.some(([x, y]) => inMerged.has(x) && inMerged.has(y))) {
      refused.push({ ...edge, why: 'an unlinkRecords override keeps these records apart' });
      continue;
    }
    const perSource = new Map<string, number>();
    for (const ref of merged) perSource.set(profiles.get(ref)!.record.ref.source, (perSource.get(profiles.get(ref)!.record.ref.source) ?? 0) + 1);
    if ([...perSource.values()].some((n) => n > maxPerSource)) {
      refused.push({ ...edge, why: `linking would give one source more than ${maxPerSource} records for one person` });
      continue;
    }
    parent.set(rb, ra);
    members.set(ra, merged);
    members.delete(rb);
    accepted.push(edge);
  }

  const rank = (ref: SourceRef): number => {
    const index = options.sourcePriority.indexOf(ref.source);
    return index === -1 ? options.sourcePriority.length : index;
  };
  const compareRefs = (a: SourceRef, b: SourceRef): number =>
    rank(a) - rank(b) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  const adjacency = new Map<string, Edge[]>();
  for (const edge of accepted) {
    adjacency.set(edge.a, [...(adjacency.get(edge.a) ?? []), edge]);
    adjacency.set(edge.b, [...(adjacency.get(edge.b) ?? []), edge]);
  }

  const clusterOf = new Map<string, Cluster>();
  const clusters: Cluster[] = [];
  const componentOf = new Map<string, string>();
  for (const [root, refs] of members) for (const ref of refs) componentOf.set(ref, root);
  const outside = [...reviewPairs.map((e) => ({ ...e, why: e.why ?? `scored ${e.score} between the review (${matcher.reviewThreshold}) and link (${matcher.linkThreshold}) thresholds` })), ...refused];

  for (const [root, refs] of members) {
    const anchor = refs.map((r) => profiles.get(r)!.record.ref).sort(compareRefs)[0]!;
    const anchorText = `${anchor.source}/${anchor.id}`;
    const links: ClusterLink[] = [{ ref: anchor, rule: 'SEED', confidence: 1, linkedTo: null, matchedOn: [], score: null }];
    const visited = new Set([anchorText]);
    const queue = [anchorText];
    while (queue.length > 0) {
      const current = queue.shift()!;
      const next = (adjacency.get(current) ?? [])
        .map((edge) => ({ edge, other: edge.a === current ? edge.b : edge.a }))
        .filter(({ other }) => !visited.has(other))
        .sort((x, y) => y.edge.strength - x.edge.strength || compareRefs(profiles.get(x.other)!.record.ref, profiles.get(y.other)!.record.ref));
      for (const { edge, other } of next) {
        if (visited.has(other)) continue;
        visited.add(other);
        queue.push(other);
        const rule = edge.rule!;
        links.push({
          ref: profiles.get(other)!.record.ref,
          rule,
          confidence: rule === 'PROBABILISTIC' ? matcher.confidence(edge.score!) : 1,
          linkedTo: profiles.get(current)!.record.ref,
          matchedOn: edge.evidence.filter((e) => e.level !== 'MISSING'),
          score: edge.score,
        });
      }
    }
    const best = new Map<string, ClusterCandidate>();
    for (const edge of outside) {
      const inA = componentOf.get(edge.a) === root;
      const inB = componentOf.get(edge.b) === root;
      if (inA === inB) continue;
      const [member, other] = inA ? [edge.a, edge.b] : [edge.b, edge.a];
      const existing = best.get(other);
      if (existing && existing.score >= (edge.score ?? 0)) continue;
      best.set(other, {
        ref: profiles.get(other)!.record.ref,
        comparedWith: profiles.get(member)!.record.ref,
        score: edge.score ?? 0,
        confidence: edge.rule === null || edge.rule === 'PROBABILISTIC' ? matcher.confidence(edge.score ?? 0) : 1,
        matchedOn: edge.evidence.filter((e) => e.level !== 'MISSING'),
        reason: edge.why,
      });
    }
    const candidates = [...best.values()].sort((x, y) => y.score - x.score || compareRefs(x.ref, y.ref)).slice(0, 10);
    const cluster: Cluster = { customerId: encodeCustomerId(anchor), anchor, links, candidates, resolvedAt: options.now };
    clusters.push(cluster);
    for (const ref of refs) clusterOf.set(ref, cluster);
  }
  return { clusters, clusterOf, sharedKeys: new Set([...values.shared, ...values.generic]), values, profiles };
}
