// Types of postgres.mjs for the TypeScript tests.
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  /** The cluster's folder (its postmaster.pid names the server process). */
  dataDir: string;
  /** Stops the server (fast shutdown: clients are disconnected), keeping its data. */
  stop(): void;
  /** Starts it again on the same port and data. */
  start(): void;
  /** Stops it and removes its folder. */
  destroy(): void;
}
export declare function postgresBin(): string;
export declare function freePort(): Promise<number>;
export declare function startPostgres(options?: { fsync?: boolean }): Promise<TestPostgres>;
