export { createMetrics, type GatewayMetrics, type MetricsProbes } from './createMetrics.js';
