// What the store needs of a database: parameterized queries, a transaction, close. PGlite
// (pglite.ts) and a PostgreSQL pool (postgres.ts) both provide it, so one store and one
// set of migrations serve both.

export interface QueryResult<Row> {
  rows: Row[];
}

/** Runs one parameterized statement. `name` prepares it once per connection (pg). */
export interface Queryable {
  query<Row = Record<string, unknown>>(
    text: string,
    params?: unknown[],
    name?: string,
  ): Promise<QueryResult<Row>>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction on one connection: committed when it resolves. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** SQLSTATE classes that no retry fixes: 22 data exception, 23 integrity constraint. */
export const isDataError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
};

/**
 * SQLSTATE classes that say nothing about the rows a statement read, so adding those rows
 * apart would not help: 08 connection, 25 transaction state, 40 deadlock or serialization,
 * 42 the statement or schema itself (a missing table, a permission), 53 out of resources,
 * 55 lock not available, 57 cancelled (a statement timeout) or shut down, 58 system error,
 * XX internal error. A retry later may pass.
 */
const NOT_OF_ROWS = ['08', '25', '40', '42', '53', '55', '57', '58', 'XX'];

export const isSystemError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && NOT_OF_ROWS.includes(code.slice(0, 2));
};
