// A fresh, empty database per test on each backend: a copied PGlite directory, or a new
// database on one PostgreSQL server started for the file.
import type { Database } from '../../../packages/collector/src/database.js';
import { openPglite } from '../../../packages/collector/src/pglite.js';
import { openPostgres } from '../../../packages/collector/src/postgres.js';
import type { DatabaseOptions } from '../../../packages/collector/src/store.js';
import { freshDataDir } from '../../demo/data-dir.js';
import { startPostgres } from './postgres.mjs';

export interface FreshDatabase {
  database: DatabaseOptions;
  /** The database itself, without a store (not migrated until the store or the test does). */
  raw(): Promise<Database>;
  remove(): void;
}

export interface Backend {
  fresh(): Promise<FreshDatabase>;
  stop(): void;
}

export const backends: Array<{ name: string; start(): Promise<Backend> }> = [
  {
    name: 'PGlite',
    async start() {
      return {
        async fresh() {
          const data = await freshDataDir();
          const raw = () => openPglite(data.dir, () => {});
          return { database: { dataDir: data.dir }, raw, remove: data.remove };
        },
        stop() {},
      };
    },
  },
  {
    name: 'PostgreSQL',
    async start() {
      const server = await startPostgres();
      let databases = 0;
      return {
        async fresh() {
          const admin = openPostgres({ url: server.url, poolSize: 1, queryTimeoutMs: 10_000, log: () => {} });
          const name = `fresh_${++databases}`;
          await admin.query(`create database ${name}`);
          await admin.close();
          const url = server.url.replace(/\/postgres$/, `/${name}`);
          const raw = async () => openPostgres({ url, poolSize: 4, queryTimeoutMs: 10_000, log: () => {} });
          return { database: { url }, raw, remove() {} };
        },
        stop: () => server.destroy(),
      };
    },
  },
];
