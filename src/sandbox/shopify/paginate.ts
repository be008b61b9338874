import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from './cursor.js';

/** Relay connection arguments as graphql-js passes them (absent arguments are `undefined`). */
export interface ConnectionArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

/** A Relay connection with Shopify's `nodes` shortcut. */
export interface Connection<T> {
  readonly nodes: T[];
  readonly edges: Array<{ readonly cursor: string; readonly node: T }>;
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
}

/**
 * Slices an already sorted list per the Relay cursor spec (`after`/`before` narrow, then `first` keeps the
 * head and `last` the tail) and renders each kept item with `render`. `idOf` gives the id written into
 * cursors. An unknown or stale cursor is a GraphQL error, as Shopify reports it.
 */
export function paginate<T, R>(items: readonly T[], args: ConnectionArgs, idOf: (item: T) => number, render: (item: T) => R): Connection<R> {
  let start = 0;
  let end = items.length;
  if (args.after != null) start = Math.min(end, positionOf(items, args.after, idOf) + 1);
  if (args.before != null) end = Math.max(start, positionOf(items, args.before, idOf));
  if (args.first != null) end = Math.min(end, start + Math.max(0, args.first));
  if (args.last != null) start = Math.max(start, end - Math.max(0, args.last));
  const edges: Array<{ cursor: string; node: R }> = [];
  for (let i = start; i < end; i += 1) {
    const item = items[i] as T;
    edges.push({ cursor: encodeCursor({ last_id: idOf(item), offset: i }), node: render(item) });
  }
  return {
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

function positionOf<T>(items: readonly T[], cursor: string, idOf: (item: T) => number): number {
  const decoded = decodeCursor(cursor);
  if (decoded) {
    const atOffset = items[decoded.offset];
    if (atOffset !== undefined && idOf(atOffset) === decoded.last_id) return decoded.offset;
    // The list changed since the cursor was issued: fall back to the record's current position.
    const index = items.findIndex((item) => idOf(item) === decoded.last_id);
    if (index >= 0) return index;
  }
  throw new GraphQLError(`Invalid cursor: ${cursor}`);
}
