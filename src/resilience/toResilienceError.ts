import { BrokenCircuitError, BulkheadRejectedError, IsolatedCircuitError, TaskCancelledError } from 'cockatiel';
import { isUpstreamError, UpstreamError } from '../adapters/UpstreamError.js';
import { CircuitOpenError } from './CircuitOpenError.js';

/**
 * Maps what a policy-wrapped call threw to an {@link UpstreamError}: cockatiel's breaker errors become
 * {@link CircuitOpenError}, a full bulkhead `unavailable`, a cancelled task (deadline) `timeout`.
 * Upstream errors pass through; anything else (a bug in an adapter) is returned unchanged.
 */
export function toResilienceError(source: string, error: unknown): unknown {
  if (isUpstreamError(error)) return error;
  if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) return new CircuitOpenError(source);
  if (error instanceof BulkheadRejectedError) {
    return new UpstreamError({ source, kind: 'unavailable', message: 'too many calls to this source in flight (bulkhead full)' });
  }
  if (error instanceof TaskCancelledError) return new UpstreamError({ source, kind: 'timeout', message: 'request deadline passed while waiting for the source' });
  return error;
}
