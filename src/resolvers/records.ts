import type { SourceRef } from '../domain/index.js';

/** Fields every source-owned record type (Order, Ticket, Activity) exposes: `id` = `source/id`. */
const sourceOwned = {
  id: (parent: { ref: SourceRef }) => `${parent.ref.source}/${parent.ref.id}`,
  source: (parent: { ref: SourceRef }) => parent.ref.source,
  sourceId: (parent: { ref: SourceRef }) => parent.ref.id,
};

/** Resolvers of `Order`. */
export const Order = sourceOwned;
/** Resolvers of `Ticket`. */
export const Ticket = sourceOwned;
/** Resolvers of `Activity`. */
export const Activity = sourceOwned;
