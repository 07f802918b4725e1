// Adding a chunk's events apart once the chunk failed (fold.ts): half of them at a time, each
// half under a savepoint, and a half that fails in halves again, down to the events that fail
// alone. Those are set aside in insights_skipped, in the transaction that takes their pending
// rows, so every other event is added and no run meets them again. A chunk with one such
// event among 1,000 costs about twenty statements of counts, and only when it fails.
import { isSystemError, type Queryable } from '../../database.js';
import { prepared } from './prepared.js';

/** An event set aside: its `events.seq`, and the error adding it alone met. */
export interface SkippedEvent {
  seq: string;
  error: string;
}

/** What adding apart found: whether a publish changed the stage globs, and the events set aside. */
export interface Apart {
  changed: boolean;
  skipped: SkippedEvent[];
}

/** Adds the events of `source` (reading `$1`) and marks the pending rows `take` names as taken. */
export type AddEvents = (
  tx: Queryable,
  take: string,
  source: string,
  params: unknown[],
) => Promise<{ changed: boolean }>;

/** The pending rows of a part are already taken: its seqs stand for them. */
const PART_TAKEN = 'select unnest($1::bigint[]) as seq';
const PART_SOURCE = 'select * from events where seq = any($1::bigint[])';

const SKIP = `insert into insights_skipped (seq, error) values ($1::bigint, $2)
  on conflict (seq) do update set error = excluded.error, at = now()`;

/** The error as one line the log and the table can hold. */
const describe = (error: unknown) =>
  (error instanceof Error ? error.message : String(error))
    .replaceAll('\u0000', '')
    .replace(/\s+/g, ' ')
    .slice(0, 2000);

/** Adds the part `seqs` under a savepoint; answers the error when it failed on its events. */
async function attempt(tx: Queryable, seqs: string[], found: Apart, add: AddEvents) {
  await tx.query('savepoint fold_part');
  try {
    const added = await add(tx, PART_TAKEN, PART_SOURCE, [seqs]);
    await tx.query('release savepoint fold_part');
    found.changed ||= added.changed;
    return undefined;
  } catch (error) {
    // A lost connection or a timeout says nothing about the events: the run ends, the
    // transaction rolls back, and the pending rows wait for the next run. Any other error,
    // of the database or of the figures' code, is taken as the part's own.
    if (isSystemError(error)) throw error;
    await tx.query('rollback to savepoint fold_part');
    await tx.query('release savepoint fold_part');
    return error;
  }
}

/**
 * Adds the events `seqs`, whose pending rows are taken, half by half, setting aside each
 * event that fails alone. `add` is fold.ts's addEvents (passed in: fold.ts imports this file).
 */
export async function addApart(tx: Queryable, seqs: string[], found: Apart, add: AddEvents): Promise<void> {
  const half = Math.ceil(seqs.length / 2);
  const parts = seqs.length > 1 ? [seqs.slice(0, half), seqs.slice(half)] : [seqs];
  for (const part of parts) {
    if (part.length === 0) continue;
    const error = await attempt(tx, part, found, add);
    if (error === undefined) continue;
    if (part.length > 1) {
      await addApart(tx, part, found, add);
      continue;
    }
    const skipped = { seq: part[0] as string, error: describe(error) };
    await prepared(tx, SKIP, [skipped.seq, skipped.error]);
    found.skipped.push(skipped);
  }
}
