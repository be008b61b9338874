/** What an operator asserted. `link`/`unlink` name two records; `suppress` the records of one person. */
export type OverrideKind = 'link' | 'unlink' | 'suppress';

/** One audited change to the overrides. Refs are `source/id` text. */
export interface OverrideChange {
  /** `ovr_<random>`. */
  readonly id: string;
  readonly kind: OverrideKind;
  readonly refs: readonly string[];
  /** Why, as the operator wrote it (required). */
  readonly reason: string;
  /** Who made it: the authenticated principal's subject (e.g. `apikey:dev`, a JWT `sub`). */
  readonly actor: string;
  /** ISO 8601. */
  readonly at: string;
}

/**
 * Where overrides live (DESIGN.md §5: a file by default, Redis when scaled out). An append-only log: the
 * current state is derived from every change, so the store is also the audit trail. Implementations must
 * make `append` durable before resolving and keep changes in order.
 */
export interface OverrideStore {
  /** Every change, oldest first. Rejects with a clear message when the store cannot be read. */
  load(): Promise<OverrideChange[]>;
  append(change: OverrideChange): Promise<void>;
  /** Human-readable location for logs (`file:.c360/overrides.json`). */
  readonly description: string;
}
