export { CircuitOpenError } from './CircuitOpenError.js';
export { createRecordCache, type CachedValue, type RecordCache, type RecordCacheOptions } from './createRecordCache.js';
export { createResilientAdapter, type BreakerState, type ResilientAdapter, type ResilientAdapterOptions } from './createResilientAdapter.js';
export { createRetryBudget, type RetryBudget, type RetryBudgetOptions } from './createRetryBudget.js';
export { createSourceStatusRecorder, type SourceStatusEntry, type SourceStatusRecorder, type StaleNotice } from './createSourceStatusRecorder.js';
export { MIN_ATTEMPT_MS, planRetry, type RetryInput, type RetryPlan } from './planRetry.js';
export { DEADLINE_HEADER, resolveDeadline, type DeadlineOutcome } from './resolveDeadline.js';
export { statusOf, worseStatus } from './statusOf.js';
export { createResilienceLayer, type RequestResilience, type ResilienceLayer, type ResilienceLayerOptions } from './createResilienceLayer.js';
