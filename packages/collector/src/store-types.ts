// What the event store is and takes: where it stores, its options, its methods, a validated
// batch, what storing it did, and the collector's counts of itself.
import type { WireEvent } from './batch.js';
import type { QueryResult } from './database.js';

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

/** Where events are stored: a PostgreSQL server, or PGlite in a folder. */
export type DatabaseOptions =
  | {
      /** `postgres://…` (the command reads `DATABASE_URL`). */
      url: string;
      /** Connections in this instance's pool (default 10). */
      poolSize?: number;
    }
  | {
      /** PGlite's folder, made on first use (the command's `--data`). */
      dataDir: string;
    };

export interface StoreOptions {
  /** Longest wait for the database per statement, in ms; then the collector answers 503. */
  queryTimeoutMs?: number;
  /** Where the store reports what it did on its own (a half-made folder moved aside). */
  log?: (message: string) => void;
  /**
   * Longest wait, in ms, of a read of the insights figures for the events still being added
   * to them (after a burst). After it the figures are read as they stand, and the page says
   * how many events are still to come.
   */
  catchUpMs?: number;
}

export interface EventStore {
  /** Stores a batch; events whose id is already stored count as duplicates. */
  insert(batch: BatchToStore, contentType: string): Promise<StoreResult>;
  /**
   * Replaces the stored event of the same id (a link survey's changed answer); the insights
   * figures count the new version in place of the old. False when no such event is stored.
   */
  replace(event: WireEvent): Promise<boolean>;
  stats(): Promise<StoreStats>;
  /** The most recent events as received, newest first; `type` narrows them. */
  recent(options?: { limit?: number; type?: string | undefined }): Promise<WireEvent[]>;
  /** Adds every event stored so far to the insights figures (`query` does before it reads them). */
  catchUpInsights(): Promise<void>;
  /** Builds the insights figures again from every stored event (after a bulk load that bypassed insert). */
  rebuildInsights(): Promise<void>;
  /** Runs one parameterized statement (the insights queries, tests). */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<Row>>;
  close(): Promise<void>;
}
