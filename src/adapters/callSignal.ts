import { setMaxListeners } from 'node:events';

/**
 * An `AbortSignal` that is its own controller, for the signals the gateway makes per request and per upstream
 * call (request deadline, each attempt's deadline, each HTTP call's timeout, a coalesced call's shared signal).
 *
 * Why not `new AbortController().signal`: in Node 20 every such signal gets a hidden class (V8 map) of its own
 * (Node builds it as an `EventTarget`, swaps its prototype and then adds fields), and, measured, every one of them
 * survives at least one young-generation collection, with whatever hangs from it (listeners, the request they
 * close over). A warm 360 makes ~15 of them; at light load they were about a third of the bytes that survived scavenges
 * (BENCHMARKS.md, issue 17, "Fourth session"). An `EventTarget` subclass with plain fields has neither problem.
 *
 * It behaves as an `AbortSignal` for everything that takes one by its interface (undici, axios, cockatiel,
 * `node:events` `setMaxListeners`): `aborted`, `reason`, `throwIfAborted()`, `onabort`, and one trusted-shaped
 * `abort` event per signal, listeners first, `onabort` last. It is not a Node `AbortSignal` for the few APIs
 * that check for one by brand (`AbortSignal.any`); none of the gateway's paths passes it there.
 */
export class CallSignal extends EventTarget implements AbortSignal {
  aborted = false;
  reason: unknown = undefined;
  onabort: ((this: AbortSignal, event: Event) => unknown) | null = null;
  /** When it aborts at the latest (`performance.now()` time), if known: set by deadlineSignal. */
  deadlineAt = Number.POSITIVE_INFINITY;

  constructor() {
    super();
    // Fan-out is what these signals are for: a coalesced call's or an attempt's signal is listened to by every
    // HTTP request it sends (Zendesk's per-requester tickets, 8 at once, plus the policies'), which passed Node's
    // default of 10 and printed MaxListenersExceededWarning (seen in the bench's list of 200). Listeners are
    // removed when each call settles. This sets a value EventTarget's constructor already holds: same shape.
    setMaxListeners(0, this);
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  /** Aborts once (later calls do nothing): `reason` defaults to an `AbortError` `DOMException`, as Node's does. */
  abort(reason: unknown = new DOMException('This operation was aborted', 'AbortError')): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const event = new Event('abort');
    this.dispatchEvent(event);
    this.onabort?.call(this, event);
  }
}
