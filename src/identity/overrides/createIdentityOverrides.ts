import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { IdentityRecord, SourceRef } from '../../domain/index.js';
import { formatRef } from '../../domain/index.js';
import { defaultIdentityTuning } from '../identityConfigSchema.js';
import type { IdentitySourceAccess } from '../IdentitySourceAccess.js';
import { EMPTY_OVERRIDES, refFromText, type OverrideState } from '../OverrideState.js';
import { findErasureTargets, type ErasureTargets, type ErasureTargetsOptions } from './findErasureTargets.js';
import type { OverrideChange, OverrideKind, OverrideStore } from './OverrideStore.js';

/** Options of {@link createIdentityOverrides}. */
export interface IdentityOverridesOptions {
  readonly store: OverrideStore;
  readonly logger: Logger;
  /** Called with the refs a change affects, and the change, right after it is stored (the resolver invalidates them). */
  readonly onChange?: (refs: readonly SourceRef[], change: OverrideChange) => void;
  readonly now?: () => Date;
  /** How erasure finds records the resolver did not link ({@link findErasureTargets}). Default: US region, default tuning. */
  readonly erasure?: ErasureTargetsOptions;
}

/** The overrides of one gateway: current state for resolutions, and audited changes. */
export interface IdentityOverrides {
  /** Reads the store; call once before serving. Rejects when the store cannot be read. */
  load(): Promise<void>;
  /**
   * Re-reads the store and refolds the state: another replica changed a shared store (Redis). Resolves true
   * when the log grew. Rejects when the store cannot be read (the last state read stays in force).
   */
  refresh(): Promise<boolean>;
  /** The current state (synchronous: read on every resolution). */
  state(): OverrideState;
  /** Stores one change, updates the state, invalidates affected crosswalk entries and logs who made it. */
  record(kind: OverrideKind, refs: readonly SourceRef[], reason: string, actor: string): Promise<OverrideChange>;
  /** Every change, oldest first (the audit trail). */
  history(): readonly OverrideChange[];
  /** Registers the invalidation hook (see options.onChange). */
  onChange(listener: (refs: readonly SourceRef[], change: OverrideChange) => void): void;
  /**
   * The records an erasure of the person whose linked records are `members` must also cover, and those
   * left for a steward ({@link findErasureTargets}, with the current state and the `erasure` options).
   */
  findErasureTargets(members: readonly IdentityRecord[], access: IdentitySourceAccess): Promise<ErasureTargets>;
}

/** Folds a change log into the state: the later of a link and an unlink of one pair wins; suppression is final. */
export function foldOverrides(changes: readonly OverrideChange[]): OverrideState {
  if (changes.length === 0) return EMPTY_OVERRIDES;
  const pairs = new Map<string, { kind: 'link' | 'unlink'; pair: readonly [string, string] }>();
  const suppressed = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'suppress') {
      for (const ref of change.refs) suppressed.add(ref);
      continue;
    }
    const [a, b] = [...change.refs].sort() as [string, string];
    pairs.set(`${a}\u0000${b}`, { kind: change.kind, pair: [a, b] });
  }
  const all = [...pairs.values()];
  return { links: all.filter((p) => p.kind === 'link').map((p) => p.pair), unlinks: all.filter((p) => p.kind === 'unlink').map((p) => p.pair), suppressed };
}

/**
 * Creates the overrides service (DESIGN.md §5 overrides and erasure) over a store. Each change is written
 * to the store first, then applied: state refolded, `onChange` listeners told (crosswalk invalidation), and
 * one `info` log line `identity override` with kind, refs, reason and actor (refs are ids, not PII).
 */
export function createIdentityOverrides(options: IdentityOverridesOptions): IdentityOverrides {
  let changes: OverrideChange[] = [];
  let current: OverrideState = EMPTY_OVERRIDES;
  const listeners: Array<(refs: readonly SourceRef[], change: OverrideChange) => void> = options.onChange ? [options.onChange] : [];
  const now = options.now ?? (() => new Date());
  const erasure: ErasureTargetsOptions = options.erasure ?? { defaultRegion: 'US', tuning: defaultIdentityTuning() };
  return {
    async load() {
      changes = await options.store.load();
      current = foldOverrides(changes);
      options.logger.info({ overrides: { store: options.store.description, changes: changes.length, suppressed: current.suppressed.size } }, 'identity overrides loaded');
    },
    async refresh() {
      const loaded = await options.store.load();
      // A shared log only grows: a shorter answer is a lagging read, never a reason to forget changes.
      if (loaded.length <= changes.length) return false;
      changes = loaded;
      current = foldOverrides(changes);
      return true;
    },
    state: () => current,
    history: () => changes,
    onChange: (listener) => listeners.push(listener),
    findErasureTargets: (members, access) => findErasureTargets(members, access, current, erasure),
    async record(kind, refs, reason, actor) {
      const change: OverrideChange = { id: `ovr_${randomBytes(6).toString('hex')}`, kind, refs: refs.map(formatRef), reason, actor, at: now().toISOString() };
      await options.store.append(change);
      changes = [...changes, change];
      current = foldOverrides(changes);
      for (const listener of listeners) listener(change.refs.map(refFromText), change);
      options.logger.info({ override: change }, 'identity override');
      return change;
    },
  };
}
