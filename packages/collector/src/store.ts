// The event store: opens the database, stores validated batches (store-batch.ts: one
// statement each, so a batch is committed whole or not at all, de-duplicated by event id
// in the database across retries and instances, its new events marked for the insights
// figures, which the aggregator adds after the answer), and reads what the collector
// reports about itself.
import { resolve } from 'node:path';
import type { WireEvent } from './batch.js';
import { checkStoreOptions } from './check-options.js';
import type { Database } from './database.js';
import { createAggregator } from './insights/aggregate/aggregator.js';
import { rebuildAggregates, rebuildIfAsked } from './insights/aggregate/maintain.js';
import { replaceEvent } from './insights/aggregate/replace.js';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { storeBatch } from './store-batch.js';
import type { DatabaseOptions, EventStore, StoreOptions, StoreStats } from './store-types.js';
import { StoreTimeoutError, withTimeout } from './timeout.js';

export type {
  BatchToStore,
  DatabaseOptions,
  EventStore,
  StoreOptions,
  StoreResult,
  StoreStats,
} from './store-types.js';
export { StoreTimeoutError } from './timeout.js';

export const STORE_DEFAULTS: Required<StoreOptions> & { poolSize: number } = {
  queryTimeoutMs: 5000,
  log: (message) => console.warn(message),
  catchUpMs: 2000,
  poolSize: 10,
};

/** A statement naming an insights figures table. */
const READS_FIGURES = /\binsights_/;

/** The store over an open database whose schema is migrated. */
export function createEventStore(
  db: Database,
  queryTimeoutMs = STORE_DEFAULTS.queryTimeoutMs,
  log = STORE_DEFAULTS.log,
  catchUpMs = STORE_DEFAULTS.catchUpMs,
): EventStore {
  const run: EventStore['query'] = (text, params) => withTimeout(db.query(text, params), queryTimeoutMs);
  // A publish that changed the stage globs asks for the insights figures to be rebuilt:
  // done after the run that noticed it, one rebuild after the other, without holding up
  // ingest. Each ask queues a look, so one made as a rebuild ends is not missed.
  let rebuilding = Promise.resolve();
  const rebuildSoon = () => {
    rebuilding = rebuilding
      .then(() => rebuildIfAsked(db, log))
      .catch((error: Error) => log(`[touchpoint] insights figures not rebuilt: ${error.message}`));
  };
  const aggregator = createAggregator(db, { log, onRebuild: rebuildSoon });
  // Events a previous run stored and did not add (stopped, crashed) are added now.
  aggregator.soon();
  const catchUpInsights = () => withTimeout(aggregator.now(), queryTimeoutMs);
  // A statement on the insights figures first waits for every event stored so far (by
  // any collector) to be added to them, so a page read right after an answer shows it; but
  // at most `catchUpMs`: after a burst, or while a run keeps failing, the figures are read as
  // they stand (the aggregator goes on, and `insights_pending` says how many are to come).
  // Reads within `catchUpMs` of a wait that ran out do not wait again: a page's statements
  // then cost one wait between them, not one each.
  let behindUntil = 0;
  const readyToRead = async () => {
    if (Date.now() < behindUntil) return;
    try {
      await withTimeout(aggregator.now(), Math.min(catchUpMs, queryTimeoutMs));
    } catch (error) {
      behindUntil = Date.now() + catchUpMs;
      if (!(error instanceof StoreTimeoutError)) {
        log(`[touchpoint] insights figures read before every event was added: ${(error as Error).message}`);
      }
    }
  };
  const query: EventStore['query'] = async (text, params) => {
    if (READS_FIGURES.test(text)) await readyToRead();
    return run(text, params);
  };
  return {
    async insert(batch, contentType) {
      const result = await withTimeout(storeBatch(db, batch, contentType), queryTimeoutMs);
      if (result.stored > 0) aggregator.soon();
      return result;
    },

    async replace(event) {
      const replaced = await withTimeout(replaceEvent(db, event), queryTimeoutMs);
      if (replaced) aggregator.soon();
      return replaced;
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

    catchUpInsights,
    rebuildInsights: async () => {
      await rebuilding;
      await rebuildAggregates(db, log);
      // Events a rebuild that failed left pending, or batches stored meanwhile, are added too.
      await aggregator.now();
    },
    query,
    async close() {
      await aggregator.close();
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
  // An option given as undefined takes its default, as in createCollector.
  const given = Object.entries(options).filter(([, value]) => value !== undefined);
  const { queryTimeoutMs, log, poolSize, catchUpMs } = { ...STORE_DEFAULTS, ...Object.fromEntries(given) };
  const where = typeof database === 'string' ? { dataDir: database } : database;
  checkStoreOptions({
    queryTimeoutMs,
    catchUpMs,
    poolSize: 'url' in where ? (where.poolSize ?? poolSize) : poolSize,
  });
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
  return createEventStore(db, queryTimeoutMs, log, catchUpMs);
}
