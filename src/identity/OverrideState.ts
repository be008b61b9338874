import type { SourceRef } from '../domain/index.js';

/** Operator assertions applied on every resolution (DESIGN.md §5 overrides and erasure). Refs as `source/id` text. */
export interface OverrideState {
  /** Pairs asserted to be the same person: always linked. */
  readonly links: ReadonlyArray<readonly [string, string]>;
  /** Pairs asserted to be different people: never in one cluster. */
  readonly unlinks: ReadonlyArray<readonly [string, string]>;
  /** Records of people who asked for erasure: treated as if no source held them. */
  readonly suppressed: ReadonlySet<string>;
}

/** No overrides. */
export const EMPTY_OVERRIDES: OverrideState = { links: [], unlinks: [], suppressed: new Set() };

/** The refs an override state mentions for one record: its asserted link partners. */
export function linkPartners(state: OverrideState, refText: string): string[] {
  const out: string[] = [];
  for (const [a, b] of state.links) {
    if (a === refText) out.push(b);
    else if (b === refText) out.push(a);
  }
  return out;
}

/** Parses `source/id` back to a ref (ids may contain `/`). */
export function refFromText(text: string): SourceRef {
  const slash = text.indexOf('/');
  return { source: text.slice(0, slash), id: text.slice(slash + 1) };
}
