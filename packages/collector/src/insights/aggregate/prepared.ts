// The aggregates' statements run on every batch: on PostgreSQL each is prepared once per
// connection (named by a hash of its text), so a batch does not pay to plan a dozen
// statements again. PGlite ignores the name.
import { createHash } from 'node:crypto';
import type { Queryable, QueryResult } from '../../database.js';

const names = new Map<string, string>();

/** Runs `text` as a prepared statement of its own name. */
export function prepared<Row = Record<string, unknown>>(
  db: Queryable,
  text: string,
  params: unknown[] = [],
): Promise<QueryResult<Row>> {
  let name = names.get(text);
  if (!name) {
    name = `tp_${createHash('sha256').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return db.query<Row>(text, params, name);
}
