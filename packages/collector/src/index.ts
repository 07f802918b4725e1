// The public API of @touchpoint/collector: the request handler, the store it writes, and
// the wire-format rules it applies.
export {
  BATCH_LIMITS,
  type BatchLimits,
  EVENT_TYPES,
  eventError,
  type ParsedBatch,
  parseBatch,
  type Rejection,
  type WireEvent,
} from './batch.js';
export { COLLECTOR_DEFAULTS, type Collector, type CollectorOptions, createCollector } from './collector.js';
export type { AllowedOrigins } from './cors.js';
export type { RateLimit } from './rate-limit.js';
export {
  type BatchToStore,
  type DatabaseOptions,
  type EventStore,
  openEventStore,
  STORE_DEFAULTS,
  type StoreOptions,
  type StoreResult,
  type StoreStats,
  StoreTimeoutError,
} from './store.js';
