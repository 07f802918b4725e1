// Types of server.mjs for the TypeScript tests and the e2e suite.
import type { EventStore } from '@touchpoint/collector';

export interface ServerOptions {
  /** 0 picks a free port (default 5173). */
  port?: number;
  /** Where the database lives (default demo/data). */
  dataDir?: string;
  /** The repository: pages from `<root>/demo/public`, the script from `<root>/dist`. */
  root?: string;
  /** One line per stored batch; silent by default. */
  log?: (message: string) => void;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  port: number;
  /** The event store, for assertions in SQL. */
  store: EventStore;
  /** Stops listening, then closes the database and releases its lock. */
  close(): Promise<void>;
}

export declare const SERVER_DEFAULTS: Required<ServerOptions>;
export declare function startServer(options?: ServerOptions): Promise<RunningServer>;
