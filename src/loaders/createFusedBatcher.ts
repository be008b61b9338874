// Internal: fuses one source's record and list loads of one request into one upstream call.
import type { CallContext, RelatedWant, SourceAdapter } from '../adapters/types.js';
import type { Activity, IdentityRecord, Order, Ticket } from '../domain/index.js';

/** What a source's loaders ask for: its records, or one of its related lists. */
export type FusedKind = 'records' | 'orders' | 'tickets' | 'activities';

type Value<K extends FusedKind> = K extends 'records' ? IdentityRecord | null : K extends 'orders' ? Order[] : K extends 'tickets' ? Ticket[] : Activity[];

/** The batch function each of a source's DataLoaders delegates to. */
export interface FusedBatcher {
  load<K extends FusedKind>(kind: K, ids: readonly string[]): Promise<Array<Value<K> | Error>>;
  /** Sends what is queued now, with `ctx` (instead of the one the batcher was made with), without waiting for the turn to end. */
  flush(ctx: CallContext): void;
}

interface Pending {
  readonly kind: FusedKind;
  readonly ids: readonly string[];
  resolve(values: Array<unknown>): void;
  reject(reason: unknown): void;
}

const LISTS = ['orders', 'tickets', 'activities'] as const;

/**
 * Collects the batches a source's loaders dispatch in one turn of the event loop (the resolvers of one
 * operation level all load before it ends) and sends them as **one** `fetchWithRelated` call when lists are
 * among them: the union of ids, each list asked for once. Records that call brings for ids that only a list
 * asked for go to `primeRecord`, so a later record load does not call again. Batches of records alone go to
 * `getByIds` as before. A failed call rejects every batch it served; a failed list fails that list's loads
 * only. `lineItems()` and `ordersFirst()` are read at dispatch and handed to the source (see {@link RelatedWant});
 * the totals of orders that came cut short go to `noteOrdersTotal`.
 */
export function createFusedBatcher(
  adapter: SourceAdapter & Required<Pick<SourceAdapter, 'fetchWithRelated'>>,
  ctx: CallContext,
  options: {
    readonly lineItems: () => boolean;
    /** Newest orders per customer the operation can show, or null for all (read at dispatch). */
    readonly ordersFirst: () => number | null;
    readonly primeRecord: (id: string, record: IdentityRecord) => void;
    /** Told the total when a customer's orders came cut to `ordersFirst`. */
    readonly noteOrdersTotal: (id: string, total: number) => void;
  },
): FusedBatcher {
  let queue: Pending[] = [];
  let scheduled = false;

  function send(callCtx: CallContext): void {
    const batches = queue;
    queue = [];
    if (batches.length === 0) return;
    dispatch(batches, callCtx).catch((error: unknown) => {
      for (const batch of batches) batch.reject(error);
    });
  }

  async function dispatch(batches: Pending[], callCtx: CallContext): Promise<void> {
    const want: RelatedWant = {
      orders: batches.some((b) => b.kind === 'orders'),
      tickets: batches.some((b) => b.kind === 'tickets'),
      activities: batches.some((b) => b.kind === 'activities'),
      lineItems: options.lineItems(),
    };
    const ordersFirst = options.ordersFirst();
    if (want.orders && ordersFirst !== null) Object.assign(want, { ordersFirst });
    const ids = [...new Set(batches.flatMap((b) => b.ids))];
    if (!want.orders && !want.tickets && !want.activities) {
      const records = await adapter.getByIds(ids, callCtx);
      const byId = new Map(ids.map((id, i) => [id, records[i]]));
      for (const batch of batches) batch.resolve(batch.ids.map((id) => byId.get(id) ?? null));
      return;
    }
    const answers = await adapter.fetchWithRelated(ids, want, callCtx);
    const byId = new Map(ids.map((id, i) => [id, answers[i]]));
    const recordsAsked = new Set(batches.filter((b) => b.kind === 'records').flatMap((b) => b.ids));
    for (const [id, answer] of byId) {
      if (!answer || answer instanceof Error) continue;
      if (answer.record && !recordsAsked.has(id)) options.primeRecord(id, answer.record);
      if (answer.ordersTotal !== undefined && Array.isArray(answer.orders)) options.noteOrdersTotal(id, answer.ordersTotal);
    }
    for (const batch of batches) {
      batch.resolve(
        batch.ids.map((id) => {
          const answer = byId.get(id);
          if (answer === undefined) return new Error(`no answer for ${id}`);
          if (answer instanceof Error) return answer;
          if (batch.kind === 'records') return answer.record;
          return answer[batch.kind] ?? [];
        }),
      );
    }
  }

  return {
    load(kind, ids) {
      return new Promise((resolve, reject) => {
        if (!scheduled) {
          // After every loader of this turn has dispatched (DataLoader dispatches on process.nextTick).
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            send(ctx);
          });
        }
        queue.push({ kind, ids, resolve: resolve as (values: unknown[]) => void, reject });
      });
    },
    flush: send,
  };
}

/** Whether a source can fuse: it implements `fetchWithRelated` and serves at least one list. */
export function canFuse(adapter: SourceAdapter): adapter is SourceAdapter & Required<Pick<SourceAdapter, 'fetchWithRelated'>> {
  return adapter.fetchWithRelated !== undefined && LISTS.some((kind) => adapter.capabilities[kind]);
}
