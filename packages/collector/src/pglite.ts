// The embedded database: PGlite is PostgreSQL compiled to WebAssembly, with a data
// directory on disk and its write-ahead log, no server and no native build. One process
// at a time may open a directory (lock.ts).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';
import { lockDataDir } from './lock.js';

/** A data directory is whole once Postgres wrote its version file and control file. */
const isComplete = (dir: string) =>
  existsSync(join(dir, 'PG_VERSION')) && existsSync(join(dir, 'global', 'pg_control'));

/**
 * Opens (creating on first use) the Postgres data directory `dataDir/pg`. A first start
 * builds it in a side directory and renames it into place, so a start interrupted during
 * initdb never leaves a half-made directory that the next start would abort on.
 */
async function openDirectory(dataDir: string, log: (message: string) => void): Promise<PGlite> {
  const dir = join(dataDir, 'pg');
  if (existsSync(dir) && !isComplete(dir)) {
    const aside = `${dir}.incomplete-${Date.now()}`;
    renameSync(dir, aside);
    log(`[touchpoint] ${dir} was incomplete (interrupted first start?); moved it to ${aside}`);
  }
  if (!existsSync(dir)) {
    const building = `${dir}.init-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    await (await PGlite.create(building)).close();
    renameSync(building, dir);
  }
  return PGlite.create(dir);
}

const queryable = (pg: Pick<PGlite, 'query'>): Queryable => ({
  query: (text, params) => pg.query(text, params) as never,
});

/** Opens the PGlite database in `dataDir`, taking the directory's lock. */
export async function openPglite(dataDir: string, log: (message: string) => void): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  let pg: PGlite;
  try {
    pg = await openDirectory(dataDir, log);
  } catch (error) {
    release();
    throw error;
  }
  return {
    ...queryable(pg),
    transaction: (work) => pg.transaction((tx) => work(queryable(tx))),
    async close() {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
