/** A shared allowance of retries for one source; see {@link createRetryBudget}. */
export interface RetryBudget {
  /** Counts one logical call (first attempt); earns `ratio` of a retry. */
  recordCall(): void;
  /** Spends one retry if the budget allows it; false means "do not retry". */
  tryRetry(): boolean;
  /** Retries currently available (fractional). */
  available(): number;
}

/** Options of {@link createRetryBudget}. */
export interface RetryBudgetOptions {
  /** Retries earned per call, 0..1. With 0.1, retries add at most 10% to the calls a dead source gets. */
  readonly ratio: number;
  /** Retries available before any call was made (so a quiet gateway can still retry once). Default 1. */
  readonly initial?: number;
  /** Most retries that can be saved up, so a long healthy spell does not buy a retry storm. Default 10. */
  readonly max?: number;
}

/**
 * A retry budget (token bucket, as in Finagle and gRPC retry throttling): every call deposits `ratio`
 * tokens, every retry spends one. When a source fails every time, upstream calls stay at most
 * `(1 + ratio) × calls + initial`. Not time based, so the bound holds under any load.
 */
export function createRetryBudget(options: RetryBudgetOptions): RetryBudget {
  const max = options.max ?? 10;
  let tokens = Math.min(max, options.initial ?? 1);
  return {
    recordCall() {
      tokens = Math.min(max, tokens + options.ratio);
    },
    tryRetry() {
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    available: () => tokens,
  };
}
