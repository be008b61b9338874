import { UpstreamError } from '../adapters/UpstreamError.js';
import { GatewayErrorCode } from '../errors.js';

/**
 * The source was not called because its circuit breaker is open (or half-open with its one probe in flight).
 * Kind `unavailable` for code that switches on kinds; clients see `SOURCE_CIRCUIT_OPEN`.
 */
export class CircuitOpenError extends UpstreamError {
  constructor(source: string) {
    super({ source, kind: 'unavailable', message: 'circuit breaker open: the source failed repeatedly and is not being called for now' });
    this.name = 'CircuitOpenError';
  }

  override get code(): GatewayErrorCode {
    return GatewayErrorCode.SourceCircuitOpen;
  }
}
