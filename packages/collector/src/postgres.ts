// A PostgreSQL server through a node-postgres pool: what several collector instances
// share. Every statement has a time limit on the server and on the client, so a database
// that is down or stuck answers an error (a 503) instead of a request that hangs.
import pg from 'pg';
import type { Database, Queryable } from './database.js';

export interface PostgresOptions {
  /** `postgres://user:password@host:5432/database`, as in `DATABASE_URL`. */
  url: string;
  /** Connections per collector instance. */
  poolSize: number;
  /** Longest wait for a connection, and longest statement, in milliseconds. */
  queryTimeoutMs: number;
  log: (message: string) => void;
}

const queryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
  query: (text, params, name) =>
    client.query(name ? { name, text, values: params ?? [] } : { text, values: params ?? [] }) as never,
});

export function openPostgres({ url, poolSize, queryTimeoutMs, log }: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: queryTimeoutMs,
    query_timeout: queryTimeoutMs,
    statement_timeout: queryTimeoutMs,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server closed (a restart, a failover) is reported here; without
  // a listener node-postgres would crash the process. The pool replaces it on next use.
  pool.on('error', (error) => log(`[touchpoint] PostgreSQL connection lost: ${error.message}`));
  return {
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await work(queryable(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        // A connection whose rollback failed is in an unknown state: close it, not reuse it.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
