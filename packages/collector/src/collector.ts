// The collector's request handler: routes POST /collect to endpoint.ts, /insights and /admin
// behind the sign-in, /config to the published configuration and /s/ to link surveys, and
// answers false for any other path, so it mounts in node:http, Express or Fastify beside the
// rest of an application.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { withInitialConfig } from './admin/initial-config.js';
import { createPublished } from './admin/published.js';
import { createAdmin } from './admin/route.js';
import { type CollectorOptions, withDefaults } from './collector-options.js';
import { createEndpoint } from './endpoint.js';
import { createInsights } from './insights/route.js';
import { createLinkRoute, LINK_DEFAULTS } from './links/route.js';
import { createRateLimiter } from './rate-limit.js';
import { sendJson } from './respond.js';
import { signedIn } from './signed-in-route.js';
import { type DatabaseOptions, type EventStore, openEventStore } from './store.js';

export { COLLECTOR_DEFAULTS, type CollectorOptions } from './collector-options.js';

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
  const settings = withDefaults(options);
  const { path, insightsPath, log, retryAfterSeconds } = settings;
  const given = isStore(settings.database) ? settings.database : undefined;
  const ready: Promise<EventStore> = given
    ? Promise.resolve(given)
    : openEventStore(settings.database as DatabaseOptions, {
        queryTimeoutMs: settings.queryTimeoutMs,
        catchUpMs: settings.catchUpMs,
        log,
      });
  // A failed open is reported by `ready` and by each request's 503, never as unhandled.
  ready.catch(() => {});
  const limiter = settings.rateLimit ? createRateLimiter(settings.rateLimit) : undefined;
  const insights = createInsights(ready, { path: insightsPath, resolutionEvents: settings.resolutionEvents });
  // Without a token the editor is for this machine only; its CSRF and preview keys then
  // come from a secret of this process.
  const adminSecret = settings.insightsToken ?? randomBytes(32).toString('base64url');
  const { adminPath, configPath } = settings;
  const configured = withInitialConfig(ready, settings.initialConfig, log);
  const admin = createAdmin(configured, {
    path: adminPath,
    configPath,
    secret: adminSecret,
    allowedOrigins: settings.allowedOrigins,
  });
  const published = createPublished(configured, () => adminSecret, configPath);
  const linksPath = settings.links.path ?? LINK_DEFAULTS.path;
  // Link surveys claim their path only when asked for: an application behind the handler may have its own /s/.
  const linksOn = settings.links.secret !== undefined || settings.links.config !== undefined;
  const links = createLinkRoute(ready, { ...settings.links, log });

  async function store(
    res: ServerResponse,
    headers: OutgoingHttpHeaders = {},
  ): Promise<EventStore | undefined> {
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

  const endpoint = createEndpoint({ settings, limiter, store });
  const privateInsights = signedIn(settings, {
    path: insightsPath,
    assets: ['insights.css'],
    refused: 'read it',
    serve: insights,
  });
  const privateAdmin = signedIn(settings, {
    path: adminPath,
    assets: ['admin.css', 'admin.js', 'insights.css'],
    refused: 'edit',
    serve: admin,
  });

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
