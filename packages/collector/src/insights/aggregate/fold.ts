// Adding the events stored since the last run to the aggregates. Ingest only marks its new
// events (insights_pending); a run takes a chunk of those rows and adds their events in one
// transaction, so what it took is added once, and a crash part-way leaves the rows for the
// next run. Runs are serialized across collectors by the aggregates' advisory lock.
import type { Database, Queryable } from '../../database.js';
import { AGGREGATES_LOCK, ASK_STEPS, addCounts, LOCK, SET_PATTERNS } from './maintain.js';
import { globsChanged } from './patterns.js';
import { refreshPeople } from './persons.js';
import { prepared } from './prepared.js';
import { refreshSessions } from './sessions.js';

/** Pending events taken per transaction: the counts cost per statement, the sessions per event. */
export const FOLD_CHUNK = 1000;

/** The lock for a run in the background: a collector already at it will fold what is there. */
const TRY_LOCK = `select pg_try_advisory_xact_lock($1) as locked, set_config('plan_cache_mode', 'force_generic_plan', true)`;

const TAKE = `delete from insights_pending
  where seq = any(array(select seq from insights_pending order by seq limit $1)) returning seq`;
const SOURCE = 'select * from events where seq = any(array(select seq from taken))';

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
}

/** Takes one chunk of pending events and adds them; answers how many it took, or null without the lock. */
async function foldChunk(tx: Queryable, wait: boolean) {
  if (wait) await prepared(tx, LOCK, [AGGREGATES_LOCK]);
  else {
    const { rows } = await prepared<{ locked: boolean }>(tx, TRY_LOCK, [AGGREGATES_LOCK]);
    if (!rows[0]?.locked) return null;
  }
  const touched = await addCounts(tx, TAKE, SOURCE, [FOLD_CHUNK]);
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

/**
 * Adds every pending event to the aggregates, a chunk per transaction. `wait` waits for
 * another collector's run to end (before a read, which must see every stored event);
 * without it a run gives way to one already going. `stop` ends it between two chunks.
 */
export async function foldPending(db: Database, wait: boolean, stop?: AbortSignal): Promise<FoldResult> {
  const result: FoldResult = { folded: 0, ran: true, rebuild: false };
  // None left, not even rows another run is taking (still visible until it commits): every
  // event stored before this statement is in the figures, with no transaction or lock.
  // Unless a publish changed the stage globs: then a run notices it even with no event.
  const { rows } = await prepared<{ any: boolean; globs: string; stages: unknown }>(db, LOOK);
  const look = rows[0];
  if (!look || (!look.any && !globsChanged(look.globs, look.stages))) return result;
  for (;;) {
    const chunk = await db.transaction((tx) => foldChunk(tx, wait));
    if (!chunk) return { ...result, ran: false };
    result.folded += chunk.taken;
    result.rebuild ||= chunk.changed;
    if (chunk.taken < FOLD_CHUNK || stop?.aborted) return result;
  }
}
