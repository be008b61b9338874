import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Told about the source calls the gateway waits on (implemented by {@link createIdleScavenger}; the resilience
 * layer calls it for every attempt of an HTTP or database source).
 */
export interface UpstreamWaits {
  /** An attempt began: the process now waits on a source until {@link UpstreamWaits.end}. */
  begin(): void;
  /** The attempt sent an HTTP request (each page, chunk and retry). */
  sent(): void;
  /** The attempt settled (answer, error or deadline). */
  end(): void;
}

/** Options of {@link createIdleScavenger}. */
export interface IdleScavengerOptions {
  /** Requests the server is answering now (the scavenger works only while there are at most `maxRequestsInFlight`). */
  readonly requestsInFlight: () => number;
  /** Default {@link IDLE_SCAVENGE_MAX_REQUESTS}. */
  readonly maxRequestsInFlight?: number;
  /**
   * Collect when the young generation holds at least this many bytes, or half its current size when that is
   * less. Default {@link IDLE_SCAVENGE_MIN_BYTES}.
   */
  readonly minYoungBytes?: number;
  /** Bytes the young generation holds now, and the size at which V8 collects it. Default: V8's `new_space` statistics. */
  readonly youngGeneration?: () => { readonly usedBytes: number; readonly sizeBytes: number };
  /** Runs one young-generation collection. Default: V8's own, exposed at run time (null when it cannot be). */
  readonly minorGc?: (() => void) | null;
}

/** What {@link createIdleScavenger} returns. */
export interface IdleScavenger extends UpstreamWaits {
  /** False when V8's collector could not be reached: the scavenger then does nothing. */
  readonly active: boolean;
  /** Collections it has run. */
  readonly scavenges: number;
  /** Source attempts being waited on now. */
  readonly waiting: number;
}

export const IDLE_SCAVENGE_MAX_REQUESTS = 1;
export const IDLE_SCAVENGE_MIN_BYTES = 8 * 1024 * 1024;

/**
 * Moves young-generation collections (V8's scavenges) into time the process spends waiting for sources.
 *
 * V8 collects its young generation when the generation is full, whatever the process is doing then: at light
 * load that pause (up to ~15 ms with 64 MiB semi-spaces, BENCHMARKS.md issue 17) lands inside some request's own
 * computation and shows as its p99. Node, unlike a browser, tells V8 nothing about idle time. This scavenger
 * collects early instead, when all of these hold:
 *
 * - at most `maxRequestsInFlight` requests are being answered (light load: under load there is no idle time,
 *   and V8's own schedule, fewer and larger collections, costs less);
 * - an attempt sent an HTTP request, then a whole turn of the event loop passed without another one (the
 *   request's other calls are out), and an attempt is still waiting for its answer;
 * - the young generation holds at least `minYoungBytes` (or half its size).
 *
 * The collection then runs while the sources work, and V8's own young-generation collection seldom comes. The
 * cost is the same kind of pause, earlier and smaller: a collection copies what is alive, and little is.
 * An answer that arrives during the pause waits for it; with sources that answer within a millisecond that is
 * no worse than V8's own collection landing there.
 *
 * Reaching V8's collector needs `--expose-gc`; it is set at run time (`v8.setFlagsFromString`) and the `gc`
 * function is taken from a new context, so nothing appears on this context's globals.
 */
export function createIdleScavenger(options: IdleScavengerOptions): IdleScavenger {
  const maxRequests = options.maxRequestsInFlight ?? IDLE_SCAVENGE_MAX_REQUESTS;
  const minBytes = options.minYoungBytes ?? IDLE_SCAVENGE_MIN_BYTES;
  if (!Number.isInteger(maxRequests) || maxRequests < 1) throw new TypeError(`createIdleScavenger: maxRequestsInFlight must be a positive integer, got ${String(maxRequests)}`);
  if (!Number.isFinite(minBytes) || minBytes <= 0) throw new TypeError(`createIdleScavenger: minYoungBytes must be a positive number, got ${String(minBytes)}`);
  const young = options.youngGeneration ?? youngGenerationStatistics;
  const minorGc = options.minorGc === undefined ? exposeMinorGc() : options.minorGc;

  let waiting = 0;
  let scavenges = 0;
  /** A check is scheduled (`setImmediate`). */
  let armed = false;
  /** No request was sent since the last check. */
  let quiet = false;

  function check(): void {
    if (!quiet) {
      // Something was sent since: wait one more turn, so the pause never delays a call still being sent.
      quiet = true;
      setImmediate(check);
      return;
    }
    armed = false;
    if (waiting === 0 || options.requestsInFlight() > maxRequests) return;
    const { usedBytes, sizeBytes } = young();
    if (usedBytes < Math.min(minBytes, sizeBytes / 2)) return;
    minorGc!();
    scavenges += 1;
  }

  return {
    active: minorGc !== null,
    get scavenges() {
      return scavenges;
    },
    get waiting() {
      return waiting;
    },
    begin() {
      waiting += 1;
    },
    end() {
      waiting = Math.max(0, waiting - 1);
    },
    sent() {
      if (minorGc === null) return;
      quiet = false;
      if (armed || options.requestsInFlight() > maxRequests) return;
      armed = true;
      setImmediate(check);
    },
  };
}

function youngGenerationStatistics(): { usedBytes: number; sizeBytes: number } {
  for (const space of v8.getHeapSpaceStatistics()) {
    // `space_size` is what the space has committed: both semi-spaces. One of them is what fills up.
    if (space.space_name === 'new_space') return { usedBytes: space.space_used_size, sizeBytes: space.space_used_size + space.space_available_size };
  }
  return { usedBytes: 0, sizeBytes: Number.POSITIVE_INFINITY };
}

/** V8's young-generation collection, or null when the runtime refuses to expose it. */
function exposeMinorGc(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    if (typeof gc !== 'function') return null;
    return () => (gc as (options: { type: 'minor' }) => void)({ type: 'minor' });
  } catch {
    return null;
  }
}
