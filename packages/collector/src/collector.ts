// The collector's request handler: routes POST /collect to collect.ts, /insights to the
// insights routes behind auth.ts, and answers false for any other path, so it mounts in
// node:http, Express or Fastify beside the rest of an application.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withInitialConfig } from './admin/initial-config.js';
import { createPublished } from './admin/published.js';
import { createAdmin } from './admin/route.js';
import { access } from './auth.js';
import { BATCH_LIMITS, type BatchLimits } from './batch.js';
import { collect } from './collect.js';
import { type AllowedOrigins, corsFor } from './cors.js';
import { createInsights, INSIGHTS_DEFAULTS } from './insights/route.js';
import { createLinkRoute, LINK_DEFAULTS, type LinkOptions } from './links/route.js';
import { createRateLimiter, type RateLimit } from './rate-limit.js';
import { sendJson } from './respond.js';
import { signIn, signInPage } from './sign-in.js';
import { type DatabaseOptions, type EventStore, openEventStore, STORE_DEFAULTS } from './store.js';

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
  /** Largest body accepted on /collect; larger gets 413, which makes the adapter split. */
  maxBodyBytes?: number;
  /** Requests per client address on /collect before a 429, or `false` for no limit. */
  rateLimit?: RateLimit | false;
  /** Longest wait for the database, in ms, before a 503. */
  queryTimeoutMs?: number;
  /** Seconds a client is asked to wait after a 503. */
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

export interface Collector {
  /** Serves the request when its path is the collector's and resolves true; else false. */
  (req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Resolves with the store once it is open and migrated; rejects if it cannot open. */
  ready: Promise<EventStore>;
  /** Closes the database (unless it was given open). */
  close(): Promise<void>;
}

const isStore = (database: unknown): database is EventStore =>
  typeof (database as EventStore).insert === 'function';

const under = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

export function createCollector(options: CollectorOptions = {}): Collector {
  const settings = { ...COLLECTOR_DEFAULTS, ...options };
  const { path, insightsPath, log, retryAfterSeconds } = settings;
  const given = isStore(settings.database) ? settings.database : undefined;
  const ready: Promise<EventStore> = given
    ? Promise.resolve(given)
    : openEventStore(settings.database as DatabaseOptions, { queryTimeoutMs: settings.queryTimeoutMs, log });
  // A failed open is reported by `ready` and by each request's 503, never as unhandled.
  ready.catch(() => {});
  const limiter = settings.rateLimit ? createRateLimiter(settings.rateLimit) : undefined;
  const insights = createInsights(ready, { path: insightsPath, resolutionEvents: settings.resolutionEvents });
  // Without a token the editor is for this machine only; its CSRF and preview keys then
  // come from a secret of this process.
  const adminSecret = settings.insightsToken ?? randomBytes(32).toString('base64url');
  const { adminPath, configPath } = settings;
  const configured = withInitialConfig(ready, settings.initialConfig, log);
  const admin = createAdmin(configured, { path: adminPath, configPath, secret: adminSecret });
  const published = createPublished(configured, () => adminSecret, configPath);
  const linksPath = settings.links.path ?? LINK_DEFAULTS.path;
  // Link surveys claim their path only when asked for: an application behind the handler may have its own /s/.
  const linksOn = settings.links.secret !== undefined || settings.links.config !== undefined;
  const links = createLinkRoute(ready, { ...settings.links, log });

  async function store(res: ServerResponse, headers = {}): Promise<EventStore | undefined> {
    try {
      return await ready;
    } catch (error) {
      log(`[touchpoint] the database is not open: ${(error as Error).message}`);
      sendJson(
        res,
        503,
        { error: 'storage unavailable, retry later' },
        { ...headers, 'retry-after': String(retryAfterSeconds) },
      );
      return undefined;
    }
  }

  async function endpoint(req: IncomingMessage, res: ServerResponse, url: URL) {
    const route = url.pathname.slice(path.length) || '/';
    const method = req.method ?? 'GET';
    const cors = corsFor(req.headers.origin, settings.allowedOrigins);
    if (route === '/' && !cors.allowed) {
      req.resume();
      return sendJson(
        res,
        403,
        { error: `origin ${req.headers.origin}: not in allowedOrigins` },
        cors.headers,
      );
    }
    const headers = route === '/' ? cors.headers : {};
    if (method === 'OPTIONS' && route === '/') {
      return sendJson(res, 204, undefined, {
        ...headers,
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
        'access-control-max-age': '86400',
      });
    }
    if (route === '/' && method === 'POST') {
      const taken = limiter?.(settings.clientAddress(req) ?? '');
      if (taken && !taken.allowed) {
        req.resume();
        return sendJson(
          res,
          429,
          { error: 'too many requests from this address, retry later' },
          {
            ...headers,
            'retry-after': String(taken.retryAfterSeconds),
          },
        );
      }
      const open = await store(res, headers);
      if (open) await collect(req, res, open, headers, { ...settings, log });
      return;
    }
    const isRead = method === 'GET' || method === 'HEAD';
    if ((route === '/stats' || route === '/events') && isRead) {
      // Counts and raw events are as private as the insights page.
      const allowed = access(req, settings.insightsToken, settings.clientAddress(req));
      if (allowed !== 'granted')
        return sendJson(res, allowed === 'sign-in' ? 401 : 403, {
          error: `${path}${route}: needs the insights token`,
        });
      const open = await store(res);
      if (!open) return;
      if (route === '/stats') return sendJson(res, 200, await open.stats());
      const limit = Math.min(
        Math.max(Number.parseInt(url.searchParams.get('limit') ?? '50', 10) || 50, 1),
        settings.maxListed,
      );
      return sendJson(res, 200, {
        events: await open.recent({ limit, type: url.searchParams.get('type') ?? undefined }),
      });
    }
    req.resume();
    if (route === '/' || route === '/stats' || route === '/events') {
      return sendJson(
        res,
        405,
        { error: `method ${method} not allowed` },
        {
          ...headers,
          allow: route === '/' ? 'POST, OPTIONS' : 'GET, HEAD, OPTIONS',
        },
      );
    }
    return sendJson(res, 404, { error: `no collector route ${url.pathname}` });
  }

  async function privateInsights(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (url.pathname === `${insightsPath}/sign-in` && req.method === 'POST') {
      return signIn(req, res, settings.insightsToken, insightsPath);
    }
    // The stylesheet is public: the sign-in form uses it too.
    const isStylesheet = url.pathname === `${insightsPath}/insights.css`;
    const allowed = isStylesheet
      ? 'granted'
      : access(req, settings.insightsToken, settings.clientAddress(req));
    if (allowed === 'granted') return insights(req, res, url);
    req.resume();
    if (allowed === 'loopback-only') {
      return sendJson(res, 403, {
        error: `${url.pathname}: no insights token is configured, so only this machine may read it; set TOUCHPOINT_INSIGHTS_TOKEN`,
      });
    }
    return signInPage(res, insightsPath);
  }

  async function privateAdmin(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (url.pathname === `${adminPath}/sign-in` && req.method === 'POST') {
      return signIn(req, res, settings.insightsToken, adminPath);
    }
    // The stylesheets and the script hold nothing private; the sign-in form uses the first.
    const isAsset = /^\/(admin\.css|admin\.js|insights\.css)$/.test(url.pathname.slice(adminPath.length));
    const allowed = isAsset ? 'granted' : access(req, settings.insightsToken, settings.clientAddress(req));
    if (allowed === 'granted') return admin(req, res, url);
    req.resume();
    if (allowed === 'loopback-only') {
      return sendJson(res, 403, {
        error: `${url.pathname}: no insights token is configured, so only this machine may edit; set TOUCHPOINT_INSIGHTS_TOKEN`,
      });
    }
    return signInPage(res, adminPath);
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const mine = under(url.pathname, path)
      ? endpoint
      : under(url.pathname, insightsPath)
        ? privateInsights
        : under(url.pathname, adminPath)
          ? privateAdmin
          : under(url.pathname, configPath)
            ? published
            : linksOn && url.pathname.startsWith(`${linksPath}/`)
              ? links
              : undefined;
    if (!mine) return false;
    try {
      await mine(req, res, url);
    } catch (error) {
      log(
        `[touchpoint] collector error on ${req.method} ${url.pathname}: ${(error as Error).stack ?? error}`,
      );
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    }
    return true;
  };
  return Object.assign(handle, {
    ready,
    async close() {
      if (given) return;
      await (await ready.catch(() => undefined))?.close();
    },
  });
}
