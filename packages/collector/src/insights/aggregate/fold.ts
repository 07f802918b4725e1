// Adding the events stored since the last run to the aggregates. Ingest only marks its new
// events (insights_pending); a run takes a chunk of those rows and adds their events in one
// transaction, so what it took is added once, and a crash part-way leaves the rows for the
// next run. Runs are serialized across collectors by the aggregates' advisory lock. When a
// chunk fails on what is in its events, its events are added apart (skip.ts): the one that
// fails alone is set aside, so one odd event never stops the figures.
import { type Database, isSystemError, type Queryable } from '../../database.js';
import { AGGREGATES_LOCK, ASK_STEPS, addCounts, LOCK, SET_PATTERNS } from './maintain.js';
import { globsChanged } from './patterns.js';
import { refreshPeople } from './persons.js';
import { prepared } from './prepared.js';
import { refreshSessions } from './sessions.js';
import { type Apart, addApart, type SkippedEvent } from './skip.js';

/** Pending events taken per transaction: the counts cost per statement, the sessions per event. */
export const FOLD_CHUNK = 1000;

/** The lock for a run in the background: a collector already at it will fold what is there. */
const TRY_LOCK = `select pg_try_advisory_xact_lock($1) as locked, set_config('plan_cache_mode', 'force_generic_plan', true)`;

const TAKE = `delete from insights_pending
  where seq = any(array(select seq from insights_pending order by seq limit $1)) returning seq`;
const SOURCE = 'select * from events where seq = any(array(select seq from taken))';
const TAKE_AGAIN = `delete from insights_pending
  where seq = any(array(select seq from insights_pending order by seq limit $1)) returning seq::text as seq`;

/** What a run has to do: pending events, and the stage globs used and published (addCountsSql reads them too). */
const LOOK = `select exists (select from insights_pending) as any,
  coalesce((select globs from insights_patterns), '[]') as globs,
  (select config->'stages' from config_versions order by number desc limit 1) as stages`;

export interface FoldResult {
  /** Pending events added to the figures. */
  folded: number;
  /** False when another collector held the lock (`wait: false` only): its run adds them. */
  ran: boolean;
  /** True when a publish changed the stage globs: the sessions' steps are to be worked out again. */
  rebuild: boolean;
  /** Events set aside because adding them failed, with the error. */
  skipped: SkippedEvent[];
}

/** Takes the aggregates' lock, or answers false when `wait` is off and another run holds it. */
async function lock(tx: Queryable, wait: boolean) {
  if (wait) {
    await prepared(tx, LOCK, [AGGREGATES_LOCK]);
    return true;
  }
  const { rows } = await prepared<{ locked: boolean }>(tx, TRY_LOCK, [AGGREGATES_LOCK]);
  return rows[0]?.locked === true;
}

/**
 * Takes the pending rows `take` selects and adds the events of `source` to every figure;
 * answers how many rows it took and whether a publish changed the stage globs.
 */
export async function addEvents(tx: Queryable, take: string, source: string, params: unknown[]) {
  const touched = await addCounts(tx, take, source, params);
  const { published } = touched;
  const changed = globsChanged(touched.globs, touched.stages);
  if (changed) {
    // A publish changed the stage globs since the figures were worked out: the new events
    // use the new ones, and only the sessions' steps (which depend on them) are worked out again.
    await prepared(tx, SET_PATTERNS, [JSON.stringify(published)]);
    await prepared(tx, ASK_STEPS);
  }
  await refreshSessions(tx, touched.sessions, published);
  await refreshPeople(tx, touched.people);
  return { taken: touched.taken, changed };
}

/** Takes one chunk of pending events and adds them in one statement; null without the lock. */
async function foldChunk(tx: Queryable, wait: boolean) {
  if (!(await lock(tx, wait))) return null;
  const skipped: SkippedEvent[] = [];
  return { ...(await addEvents(tx, TAKE, SOURCE, [FOLD_CHUNK])), skipped };
}

/** Takes the chunk again after it failed, and adds its events apart, setting aside the ones that fail. */
async function foldApart(tx: Queryable, wait: boolean) {
  if (!(await lock(tx, wait))) return null;
  const { rows } = await prepared<{ seq: string }>(tx, TAKE_AGAIN, [FOLD_CHUNK]);
  const found: Apart = { changed: false, skipped: [] };
  await addApart(
    tx,
    rows.map((r) => r.seq),
    found,
    addEvents,
  );
  return { taken: rows.length, ...found };
}

/**
 * Adds every pending event to the aggregates, a chunk per transaction. `wait` waits for
 * another collector's run to end (before a read, which must see every stored event);
 * without it a run gives way to one already going. `stop` ends it between two chunks.
 * A chunk that fails is taken again and its events added apart; an error that says nothing
 * about the events (a lost connection, a statement timeout) ends the run, the rows wait.
 */
export async function foldPending(db: Database, wait: boolean, stop?: AbortSignal): Promise<FoldResult> {
  const result: FoldResult = { folded: 0, ran: true, rebuild: false, skipped: [] };
  // None left, not even rows another run is taking (still visible until it commits): every
  // event stored before this statement is in the figures, with no transaction or lock.
  // Unless a publish changed the stage globs: then a run notices it even with no event.
  const { rows } = await prepared<{ any: boolean; globs: string; stages: unknown }>(db, LOOK);
  const look = rows[0];
  if (!look || (!look.any && !globsChanged(look.globs, look.stages))) return result;
  for (;;) {
    const chunk = await db
      .transaction((tx) => foldChunk(tx, wait))
      .catch((error) => {
        if (isSystemError(error)) throw error;
        return db.transaction((tx) => foldApart(tx, wait));
      });
    if (!chunk) return { ...result, ran: false };
    result.folded += chunk.taken - chunk.skipped.length;
    result.rebuild ||= chunk.changed;
    result.skipped.push(...chunk.skipped);
    if (chunk.taken < FOLD_CHUNK || stop?.aborted) return result;
  }
}
