// Keeping the insights aggregates from scratch when they must be rebuilt; the aggregator
// (fold.ts) adds the events stored since. Work on the aggregates is serialized by an
// advisory lock, so each run's reads of a session or person (statements of their own,
// under READ COMMITTED) see every run committed before it, and collectors sharing a
// database still insert in parallel: ingest takes no lock. Every transaction on the
// aggregates takes the lock as its first statement, before writing any row, so two of them
// never wait for each other in a circle (a deadlock PostgreSQL ends by aborting one).
import { type Database, isSystemError, type Queryable } from '../../database.js';
import { addCountsSql } from './counts.js';
import { globsOf, publishedPatterns } from './patterns.js';
import { refreshPeople } from './persons.js';
import { prepared } from './prepared.js';
import { refreshSessions } from './sessions.js';

/** The advisory lock's key: any constant shared by every collector of one database. */
export const AGGREGATES_LOCK = 7_270_018;

/** Sessions or people worked out again per statement during a rebuild. */
export const REBUILD_CHUNK = 2000;

/** Every table of the insights figures: what a rebuild empties and works out again. */
export const AGGREGATE_TABLES = [
  'insights_event_counts',
  'insights_scores',
  'insights_markers',
  'insights_channels',
  'insights_comments',
  'insights_answer_hashes',
  'insights_visitors',
  'insights_visitor_stages',
  'insights_sessions',
  'insights_service',
  'insights_service_tracks',
  'insights_steps',
  'insights_people',
  'insights_moves',
  // A rebuild tries every event again: one it counts is no longer set aside.
  'insights_skipped',
];

export const SET_PATTERNS = `insert into insights_patterns (globs) values ($1) on conflict (id) do update set globs = excluded.globs`;

// A request in insights_rebuild carries a number from a sequence that never repeats: a
// rebuild deletes only the request it started from, so one made while it ran stays for the
// next. A full rebuild keeps the number of a request already there (collectors starting
// together serve one request); asking for the steps draws a new one.
/** Asks for every figure to be built again; answers the request's number. */
const ASK_REBUILD = `insert into insights_rebuild default values
  on conflict (id) do update set sessions_only = false returning asked::text as asked`;

/** Asks for the sessions' steps to be worked out again (or adds to a full rebuild asked for). */
export const ASK_STEPS = `insert into insights_rebuild (sessions_only) values (true)
  on conflict (id) do update set asked = excluded.asked`;

/** Ends request `$1`, and not one made since. */
const DONE = 'delete from insights_rebuild where asked = $1::bigint';

/** Takes the aggregates' lock, waiting for it, and plans the statements run on a few rows once. */
export const LOCK = `select pg_advisory_xact_lock($1), set_config('plan_cache_mode', 'force_generic_plan', true)`;

/** Takes the pending rows `take` selects and adds the events of `source` to the counts (counts.ts). */
export async function addCounts(tx: Queryable, take: string, source: string, params: unknown[] = []) {
  const { rows } = await prepared<{
    taken: number;
    sessions: string[];
    people: string[];
    globs: string;
    stages: unknown;
  }>(tx, addCountsSql(take, source), params);
  const row = rows[0] ?? { taken: 0, sessions: [], people: [], globs: '[]', stages: null };
  return { ...row, published: globsOf(row.stages) };
}

/**
 * Builds the aggregates again from every stored event: once after the migration that
 * adds them, or after events were written by other means than the store's insert (a bulk
 * load). The counts are replaced in one transaction, then sessions and people are worked
 * out a chunk at a time; its request in `insights_rebuild` is ended last, so an
 * interrupted rebuild starts again at the next start, and one asked for while it ran (a
 * publish that changed the stage globs) has it run again. When an event makes it fail,
 * every event is marked pending instead, for the aggregator to add a chunk at a time,
 * setting aside the events that fail (fold.ts); answers the sessions worked out.
 */
export async function rebuildAggregates(db: Database, log: (message: string) => void = () => {}) {
  try {
    return await rebuildWhole(db);
  } catch (error) {
    if (isSystemError(error)) throw error;
    log(
      `[touchpoint] insights figures not rebuilt in one go: ${(error as Error).message}; every stored event is added again a chunk at a time, and the ones that fail are set aside`,
    );
    await db.transaction(async (tx) => {
      await tx.query('set local statement_timeout = 0');
      await prepared(tx, LOCK, [AGGREGATES_LOCK]);
      const { rows } = await prepared<{ asked: string }>(tx, ASK_REBUILD);
      await tx.query(`truncate ${AGGREGATE_TABLES.join(', ')}`);
      await tx.query('insert into insights_pending (seq) select seq from events on conflict do nothing');
      await prepared(tx, SET_PATTERNS, [JSON.stringify(await publishedPatterns(tx))]);
      await prepared(tx, DONE, [rows[0]?.asked]);
    });
    return 0;
  }
}

async function rebuildWhole(db: Database): Promise<number> {
  const { touched, patterns, asked } = await db.transaction(async (tx) => {
    // A rebuild reads every event: no statement time limit, which is for requests.
    await tx.query('set local statement_timeout = 0');
    await prepared(tx, LOCK, [AGGREGATES_LOCK]);
    const { rows } = await prepared<{ asked: string }>(tx, ASK_REBUILD);
    await tx.query(`truncate ${AGGREGATE_TABLES.join(', ')}`);
    // Every pending row goes, in the statement that counts every event: one snapshot.
    const touched = await addCounts(tx, 'delete from insights_pending returning seq', 'select * from events');
    await prepared(tx, SET_PATTERNS, [JSON.stringify(touched.published)]);
    return { touched, patterns: touched.published, asked: rows[0]?.asked };
  });
  await refreshAllSessions(db, touched.sessions, patterns);
  for (let i = 0; i < touched.people.length; i += REBUILD_CHUNK) {
    const chunk = touched.people.slice(i, i + REBUILD_CHUNK);
    await db.transaction(async (tx) => {
      await tx.query('set local statement_timeout = 0');
      await prepared(tx, LOCK, [AGGREGATES_LOCK]);
      await refreshPeople(tx, chunk);
    });
  }
  await db.query(DONE, [asked]);
  return touched.sessions.length;
}

/** Works out the sessions again a chunk at a time, each chunk a transaction of its own. */
async function refreshAllSessions(db: Database, sessions: readonly string[], patterns: readonly string[]) {
  for (let i = 0; i < sessions.length; i += REBUILD_CHUNK) {
    const chunk = sessions.slice(i, i + REBUILD_CHUNK);
    await db.transaction(async (tx) => {
      await tx.query('set local statement_timeout = 0');
      await prepared(tx, LOCK, [AGGREGATES_LOCK]);
      await refreshSessions(tx, chunk, patterns);
    });
  }
}

/**
 * The drivers' steps of every session worked out again with the stage globs of the request
 * (read with its number, in one snapshot), in place: the other figures do not depend on
 * them, and the page keeps showing them.
 */
async function refreshSteps(db: Database): Promise<void> {
  const { rows: asked } = await db.query<{ asked: string; globs: string }>(
    `select r.asked::text as asked, coalesce(p.globs, '[]') as globs
       from insights_rebuild r left join insights_patterns p on true`,
  );
  const request = asked[0];
  if (!request) return;
  const { rows } = await db.query<{ id: string }>('select session_id as id from insights_sessions');
  await refreshAllSessions(
    db,
    rows.map((r) => r.id),
    JSON.parse(request.globs) as string[],
  );
  await db.query(DONE, [request.asked]);
}

/** Builds every figure again, saying so in the log when there were sessions to work out. */
async function rebuildLogged(db: Database, log: (message: string) => void) {
  const started = Date.now();
  const sessions = await rebuildAggregates(db, log);
  if (sessions > 0)
    log(
      `[touchpoint] insights figures built from the ${sessions} stored sessions in ${Math.round((Date.now() - started) / 1000)} s`,
    );
}

/**
 * Rebuilds the aggregates (or only the sessions' steps) while a migration, a publish or an
 * interrupted rebuild asks for it: again when a request came during the last rebuild.
 */
export async function rebuildIfAsked(db: Database, log: (message: string) => void): Promise<void> {
  for (;;) {
    const { rows } = await db.query<{ sessions_only: boolean }>('select sessions_only from insights_rebuild');
    if (!rows[0]) return;
    if (rows[0].sessions_only) await refreshSteps(db);
    else await rebuildLogged(db, log);
  }
}
