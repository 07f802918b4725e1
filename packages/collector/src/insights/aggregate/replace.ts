// Replacing a stored event (a link survey's answer changed, links/save-answer.ts) so the
// insights figures count it once, with what it says now.
//
// The counts only ever add (counts.ts): the aggregator adds each pending event once. A
// replacement therefore has to know whether the version it overwrites was added, and take
// that away; the answer depends on the aggregator, which may be adding that very version
// in a transaction of its own, on this collector or another. So the replacement is one
// transaction that first takes the aggregates' advisory lock (maintain.ts), like every
// transaction on the figures: no aggregator run or rebuild is half-way through while it
// looks, and two replacements of one event go one after the other. Under the lock:
//   - a pending mark of the old version still there: it was never added, nothing to take away;
//   - the old version set aside (skip.ts): it is in no figure either, and its mark goes;
//   - else it was added: the counts it added are subtracted and its visitor worked out again.
// Then the row gets the new version, keeping its seq, and is marked pending, so the aggregator
// adds it like any new event (and sets it aside if it fails). The drivers, service, ladder
// and retention figures are worked out from the stored events whenever their session or
// person is refreshed: the aggregator refreshes the new version's, this transaction the old
// version's person, and its session when that differs.
//
// Rejected alternatives: a new row (new seq) with the old one deleted, and the subtraction
// left to the aggregator through a record of the old version, keeps ingest off the lock but
// has to decide later whether that old version had been added, and takes the rebuild's
// tables in the other order (a deadlock); subtracting without the lock races the aggregator
// adding the same version. A replacement is one request of a person, rare next to /collect:
// it waits for at most one aggregator chunk (or, rarely, a rebuild, past which the
// statement timeout answers 503 and nothing is changed), and /collect stays lock-free.
import type { WireEvent } from '../../batch.js';
import type { Database } from '../../database.js';
import { RECOUNT_VISITOR, RETRACT_COUNTS } from './counts.js';
import { AGGREGATES_LOCK, LOCK } from './maintain.js';
import { refreshPeople } from './persons.js';
import { prepared } from './prepared.js';
import { refreshSessions } from './sessions.js';

/** The stored row of `$1`, locked, replaced by the event `$2`; answers the old row. */
const REPLACE = `
with old as (select * from events where id = $1 for update)
update events e
   set type = x->>'type', name = x->>'name', stage = x->>'stage', ts = round((x->>'ts')::numeric)::bigint,
       anonymous_id = x->>'anonymousId', session_id = x->>'sessionId', user_id = x->>'userId',
       path = x->'page'->>'path', props = coalesce(x->'props', '{}'), event = x, received_at = now()
  from old, (select $2::text::jsonb as x) n
 where e.id = old.id
returning to_jsonb(old)::text as row, old.seq::text as seq, old.anonymous_id, old.session_id`;

/**
 * Replaces the stored event of `event.id` with `event`, and has the figures count the new
 * version in place of the old one.
 *
 * @returns false when no event of that id is stored.
 */
export async function replaceEvent(db: Database, event: WireEvent): Promise<boolean> {
  return db.transaction(async (tx) => {
    await prepared(tx, LOCK, [AGGREGATES_LOCK]);
    const { rows } = await prepared<{ row: string; seq: string; anonymous_id: string; session_id: string }>(
      tx,
      REPLACE,
      [event.id, JSON.stringify(event)],
    );
    const old = rows[0];
    if (!old) return false;
    const pending = await prepared(tx, 'delete from insights_pending where seq = $1::bigint returning seq', [
      old.seq,
    ]);
    const skipped = await prepared(tx, 'delete from insights_skipped where seq = $1::bigint returning seq', [
      old.seq,
    ]);
    await prepared(tx, 'insert into insights_pending (seq) values ($1::bigint)', [old.seq]);
    if (pending.rows.length > 0 || skipped.rows.length > 0) return true;
    await prepared(tx, RETRACT_COUNTS, [old.row]);
    const visitor = await prepared<{ people: string[] }>(tx, RECOUNT_VISITOR, [old.anonymous_id]);
    if (old.session_id !== event.sessionId) {
      const { rows: globs } = await prepared<{ globs: string }>(tx, 'select globs from insights_patterns');
      await refreshSessions(tx, [old.session_id], JSON.parse(globs[0]?.globs ?? '[]') as string[]);
    }
    // The person keys before and after (a user id may have come or gone): the aggregator only
    // sees the one the visitor has now.
    await refreshPeople(tx, visitor.rows[0]?.people ?? []);
    return true;
  });
}
