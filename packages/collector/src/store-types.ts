// What the event store takes and gives back: a validated batch, what storing it did, and
// the collector's counts of itself.
import type { WireEvent } from './batch.js';

/** A validated batch: the events to store, and what the body said about the rest. */
export interface BatchToStore {
  sentAt: number;
  events: WireEvent[];
  /** Events the client evicted from its queue since its last batch. */
  dropped: number;
  /** Events of this body refused by validation. */
  rejected: number;
}

export interface StoreResult {
  stored: number;
  duplicates: number;
}

export interface StoreStats {
  events: number;
  batches: number;
  duplicates: number;
  rejected: number;
  dropped: number;
  byType: Record<string, number>;
  byStage: Record<string, number>;
}
