// The event store: the only file that writes the event tables (the insights queries read
// them). It stores a validated batch in one statement, so a batch is committed whole or not
// at all, and de-duplicates by event id in the database, across retries and instances.
import { resolve } from 'node:path';
import type { WireEvent } from './batch.js';
import type { Database, QueryResult } from './database.js';
import { addToAggregates, rebuildAggregates, rebuildIfAsked } from './insights/aggregate/maintain.js';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

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
}

export const STORE_DEFAULTS: Required<StoreOptions> & { poolSize: number } = {
  queryTimeoutMs: 5000,
  log: (message) => console.warn(message),
  poolSize: 10,
};

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

export interface EventStore {
  /** Stores a batch; events whose id is already stored count as duplicates. */
  insert(batch: BatchToStore, contentType: string): Promise<StoreResult>;
  stats(): Promise<StoreStats>;
  /** The most recent events as received, newest first; `type` narrows them. */
  recent(options?: { limit?: number; type?: string | undefined }): Promise<WireEvent[]>;
  /** Builds the insights figures again from every stored event (after a bulk load that bypassed insert). */
  rebuildInsights(): Promise<void>;
  /** Runs one parameterized statement (the insights queries, tests). */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<Row>>;
  close(): Promise<void>;
}

/**
 * One statement per batch stores it: the batch row
 * takes its id first, the events go in from one jsonb parameter (a multi-row insert of any
 * size under one prepared statement), and the batch row records how many were new.
 * Constraints are checked at the end of the statement, when the batch row exists.
 */
const INSERT_BATCH = `
  with batch as (select nextval(pg_get_serial_sequence('batches', 'id')) as id),
  stored as (
    insert into events (id, type, name, stage, ts, anonymous_id, session_id, user_id, path, props, event, batch_id)
    select e->>'id', e->>'type', e->>'name', e->>'stage', round((e->>'ts')::numeric)::bigint,
           e->>'anonymousId', e->>'sessionId', e->>'userId', e->'page'->>'path',
           coalesce(e->'props', '{}'), e, (select id from batch)
      from jsonb_array_elements($1::text::jsonb) with ordinality as t(e, n)
     order by n
    on conflict (id) do nothing
    returning id
  )
  insert into batches (id, sent_at, content_type, events, stored, duplicates, rejected, dropped)
  overriding system value
  select id, round($2::numeric)::bigint, $3::text, $4::int, (select count(*) from stored),
         $5::int - (select count(*) from stored), $6::int, $7::int
    from batch
  returning stored, duplicates, (select coalesce(array_agg(id), '{}') from stored) as ids`;

/** The error a statement past its time limit ends with: a 503, like a database that is down. */
export class StoreTimeoutError extends Error {
  override name = 'StoreTimeoutError';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StoreTimeoutError(`[touchpoint] no answer from the database in ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The store over an open database whose schema is migrated. */
export function createEventStore(
  db: Database,
  queryTimeoutMs = STORE_DEFAULTS.queryTimeoutMs,
  log = STORE_DEFAULTS.log,
): EventStore {
  const query: EventStore['query'] = (text, params) => withTimeout(db.query(text, params), queryTimeoutMs);
  // A publish that changed the stage globs asks for the insights figures to be rebuilt:
  // done after the batch that noticed it, one rebuild at a time, without holding up ingest.
  let rebuilding: Promise<void> | undefined;
  const rebuildSoon = () => {
    rebuilding ??= rebuildIfAsked(db, log)
      .catch((error: Error) => log(`[touchpoint] insights figures not rebuilt: ${error.message}`))
      .finally(() => {
        rebuilding = undefined;
      });
  };
  return {
    async insert({ sentAt, events, dropped, rejected }, contentType) {
      // A repeated id inside one batch counts as a duplicate too, like one across batches;
      // its first copy is kept, as across batches.
      const seen = new Set<string>();
      const unique = events.filter((e) => !seen.has(e.id) && seen.add(e.id));
      const params = [
        JSON.stringify(unique),
        sentAt,
        contentType,
        events.length + rejected,
        events.length,
        rejected,
        dropped,
      ];
      // The insights aggregates take the new events in the same transaction: a batch is
      // counted whole or not at all, and a retried one adds nothing (its ids are known).
      const row = await withTimeout(
        db.transaction(async (tx) => {
          const { rows } = await tx.query<StoreResult & { ids: string[] }>(
            INSERT_BATCH,
            params,
            'touchpoint_insert_batch',
          );
          const stored = rows[0] as StoreResult & { ids: string[]; rebuild?: boolean };
          stored.rebuild = await addToAggregates(tx, stored.ids);
          return stored;
        }),
        queryTimeoutMs,
      );
      if (row.rebuild) rebuildSoon();
      return { stored: Number(row.stored), duplicates: Number(row.duplicates) };
    },

    async stats() {
      const totals = await query<Omit<StoreStats, 'byType' | 'byStage'>>(`
        select (select count(*) from events)::int as events,
               count(*)::int as batches,
               coalesce(sum(duplicates), 0)::int as duplicates,
               coalesce(sum(rejected), 0)::int as rejected,
               coalesce(sum(dropped), 0)::int as dropped
          from batches`);
      const byType = await query<{ key: string; n: number }>(
        'select type as key, count(*)::int as n from events group by type',
      );
      const byStage = await query<{ key: string; n: number }>(
        `select coalesce(stage, '(none)') as key, count(*)::int as n from events group by 1`,
      );
      const toObject = (rows: { key: string; n: number }[]) =>
        Object.fromEntries(rows.map((r) => [r.key, r.n]));
      return {
        ...(totals.rows[0] as Omit<StoreStats, 'byType' | 'byStage'>),
        byType: toObject(byType.rows),
        byStage: toObject(byStage.rows),
      };
    },

    async recent({ limit = 50, type } = {}) {
      const { rows } = await query<{ event: WireEvent }>(
        'select event from events where ($2::text is null or type = $2) order by seq desc limit $1',
        [limit, type ?? null],
      );
      return rows.map((r) => r.event);
    },

    rebuildInsights: async () => {
      await rebuilding;
      await rebuildAggregates(db);
    },
    query,
    async close() {
      await rebuilding;
      await db.close();
    },
  };
}

/**
 * Opens the event store: PostgreSQL for `{ url }`, PGlite for `{ dataDir }` (or a folder
 * given as a string), and applies the migrations not yet applied.
 */
export async function openEventStore(
  database: DatabaseOptions | string,
  options: StoreOptions = {},
): Promise<EventStore> {
  const { queryTimeoutMs, log, poolSize } = { ...STORE_DEFAULTS, ...options };
  const where = typeof database === 'string' ? { dataDir: database } : database;
  const db =
    'url' in where
      ? openPostgres({ url: where.url, poolSize: where.poolSize ?? poolSize, queryTimeoutMs, log })
      : await openPglite(resolve(where.dataDir), log);
  try {
    await migrate(db);
    await rebuildIfAsked(db, log);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return createEventStore(db, queryTimeoutMs, log);
}
