import { pino, type Logger } from 'pino';
import type { GatewayConfig } from './config.js';

/**
 * The process logger: pino JSON on stdout. Credentials are redacted wherever they appear in a logged
 * object's headers; resolvers never log values.
 */
export function createLogger(level: GatewayConfig['logging']['level'], destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { service: 'c360-gateway' },
    redact: { paths: ['*.headers.authorization', '*.headers["x-shopify-access-token"]', '*.headers["x-api-key"]', '*.credentials', 'credentials'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}
