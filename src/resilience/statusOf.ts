import type { SourceStatus } from '../adapters/types.js';
import { isUpstreamError } from '../adapters/UpstreamError.js';
import { CircuitOpenError } from './CircuitOpenError.js';

/** The source status a failure stands for: breaker refusal, timeout, throttle, or any other error. */
export function statusOf(error: unknown): Exclude<SourceStatus, 'OK' | 'STALE'> {
  if (error instanceof CircuitOpenError) return 'CIRCUIT_OPEN';
  if (!isUpstreamError(error)) return 'ERROR';
  switch (error.kind) {
    case 'timeout':
      return 'TIMEOUT';
    case 'rate_limited':
      return 'RATE_LIMITED';
    case 'unavailable':
    case 'bad_response':
    case 'auth':
    case 'rejected':
      return 'ERROR';
    default: {
      const unreachable: never = error.kind;
      return unreachable;
    }
  }
}

/** Worst first: the status a source gets for a request when its calls fared differently. */
export const STATUS_SEVERITY: readonly SourceStatus[] = ['CIRCUIT_OPEN', 'TIMEOUT', 'RATE_LIMITED', 'ERROR', 'STALE', 'OK'];

/** The worse of two statuses. */
export function worseStatus(a: SourceStatus, b: SourceStatus): SourceStatus {
  return STATUS_SEVERITY.indexOf(a) <= STATUS_SEVERITY.indexOf(b) ? a : b;
}
