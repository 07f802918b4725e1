// Storing one validated batch: the events, the batch's row, and a pending mark per new
// event for the insights figures, in one statement, so a batch is stored and marked whole
// or not at all. The figures are worked out after the answer (insights/aggregate/fold.ts).
import type { Database } from './database.js';
import type { BatchToStore, StoreResult } from './store.js';

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
    returning seq
  ),
  pending as (insert into insights_pending (seq) select seq from stored)
  insert into batches (id, sent_at, content_type, events, stored, duplicates, rejected, dropped)
  overriding system value
  select id, round($2::numeric)::bigint, $3::text, $4::int, (select count(*) from stored),
         $5::int - (select count(*) from stored), $6::int, $7::int
    from batch
  returning stored, duplicates`;

/**
 * Stores `batch`; events whose id is already stored count as duplicates, and only the new
 * ones are marked for the insights figures, so a retried batch adds nothing.
 */
export async function storeBatch(
  db: Database,
  { sentAt, events, dropped, rejected }: BatchToStore,
  contentType: string,
): Promise<StoreResult> {
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
  const { rows } = await db.query<StoreResult>(INSERT_BATCH, params, 'touchpoint_insert_batch');
  const row = rows[0] as StoreResult;
  return { stored: Number(row.stored), duplicates: Number(row.duplicates) };
}
