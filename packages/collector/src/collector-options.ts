// The collector's options and their defaults, in one place: createCollector and the
// touchpoint-collector command both start from COLLECTOR_DEFAULTS.
import type { IncomingMessage } from 'node:http';
import { BATCH_LIMITS, type BatchLimits } from './batch.js';
import { checkOptions } from './check-options.js';
import type { AllowedOrigins } from './cors.js';
import { INSIGHTS_DEFAULTS } from './insights/route.js';
import type { LinkOptions } from './links/route.js';
import type { RateLimit } from './rate-limit.js';
import { type DatabaseOptions, type EventStore, STORE_DEFAULTS } from './store.js';

/** Options of {@link createCollector}; every default is in {@link COLLECTOR_DEFAULTS}. */
export interface CollectorOptions {
  /**
   * Where events go: `{ url }` for PostgreSQL, `{ dataDir }` for PGlite, or a store
   * already open (the collector then leaves closing it to you).
   */
  database?: DatabaseOptions | EventStore;
  /** Sites whose pages may send events: `'*'` or exact origins. */
  allowedOrigins?: AllowedOrigins;
  /**
   * The secret that opens `/insights` and its export. Without one, they are served only
   * to clients on this machine (loopback addresses).
   */
  insightsToken?: string | undefined;
  /** Largest body accepted on /collect, in bytes (above 0); larger gets 413, which makes the adapter split. */
  maxBodyBytes?: number;
  /** Requests per client address on /collect before a 429 (`burst` at least 1, `perSecond` above 0), or `false` for no limit. */
  rateLimit?: RateLimit | false;
  /** Longest wait for the database, in ms, before a 503: above 0, at most 2147483647 (Node's longest timer). */
  queryTimeoutMs?: number;
  /**
   * Longest wait, in ms, of a read of the insights figures for the events still being added
   * to them (after a burst); then the page shows the figures as they stand and how many events
   * are still to come (`totals.pending`). At most `queryTimeoutMs`; 0 reads them as they stand,
   * without waiting. A store given open as `database` keeps the wait it was opened with.
   */
  catchUpMs?: number;
  /** Seconds a client is asked to wait after a 503: a whole number; 0 leaves the wait to the client's backoff. */
  retryAfterSeconds?: number;
  /** The client's address, for the rate limit and the loopback check. */
  clientAddress?: (req: IncomingMessage) => string | undefined;
  /** Bounds of a batch and of each event. */
  limits?: BatchLimits;
  /** The endpoint's path; stats and events are served below it. */
  path?: string;
  /** The insights page's path; its export and stylesheet are below it. */
  insightsPath?: string;
  /** Track events that end a service visit, for the insights page's service speed. */
  resolutionEvents?: string[];
  /** The survey editor's path (behind the same sign-in as insights). */
  adminPath?: string;
  /** Where the published configuration (`<configPath>/published.json`) and the preview draft are served. */
  configPath?: string;
  /**
   * A configuration published as version 1 when nothing is published yet: the file a site
   * used before the editor, so its pages can read `<configPath>/published.json` at once.
   */
  initialConfig?: unknown;
  /** Link surveys (`GET /s/<surveyId>`): the signing secret, the site's configuration, the widget files. */
  links?: LinkOptions;
  /** Where problems go (a refused batch, a database that is down). */
  log?: (message: string) => void;
  /** @internal Runs once a batch is committed, before the answer: crash tests stop the process here. */
  afterCommit?: () => void;
}

export const COLLECTOR_DEFAULTS = {
  database: { dataDir: './touchpoint-data' } as DatabaseOptions | EventStore,
  allowedOrigins: '*' as AllowedOrigins,
  insightsToken: undefined as string | undefined,
  maxBodyBytes: 1024 * 1024,
  /** Generous: a page sends a batch every few seconds; a whole office behind one address fits. */
  rateLimit: { burst: 600, perSecond: 100 } as RateLimit | false,
  queryTimeoutMs: STORE_DEFAULTS.queryTimeoutMs,
  catchUpMs: STORE_DEFAULTS.catchUpMs,
  retryAfterSeconds: 5,
  clientAddress: (req: IncomingMessage): string | undefined => req.socket.remoteAddress,
  limits: BATCH_LIMITS,
  path: '/collect',
  insightsPath: '/insights',
  resolutionEvents: INSIGHTS_DEFAULTS.resolutionEvents,
  adminPath: '/admin',
  configPath: '/config',
  /** None: nothing is published until someone publishes in the editor. */
  initialConfig: undefined as unknown,
  links: {} as LinkOptions,
  /** Events `GET <path>/events` lists at most. */
  maxListed: 500,
  log: (message: string) => console.warn(message),
};

/**
 * The options with every default filled in (an option given as `undefined` takes its default,
 * as one left out), their numbers checked: throws, naming each option that cannot work.
 */
export function withDefaults(options: CollectorOptions) {
  const given = Object.entries(options).filter(([, value]) => value !== undefined);
  const settings = { ...COLLECTOR_DEFAULTS, ...(Object.fromEntries(given) as CollectorOptions) };
  checkOptions(settings);
  return settings;
}

export type CollectorSettings = ReturnType<typeof withDefaults>;
