// The endpoint's routes below `path`: POST / takes a batch (CORS and the rate limit first),
// GET /stats and /events answer behind the insights token, anything else is a 405 or 404.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { access } from './auth.js';
import { collect } from './collect.js';
import type { CollectorSettings } from './collector-options.js';
import { corsFor } from './cors.js';
import type { createRateLimiter } from './rate-limit.js';
import { sendJson } from './respond.js';
import type { EventStore } from './store.js';

export interface EndpointSetup {
  settings: CollectorSettings;
  limiter: ReturnType<typeof createRateLimiter> | undefined;
  /** The open store, or undefined once a 503 has been sent. */
  store(res: ServerResponse, headers?: OutgoingHttpHeaders): Promise<EventStore | undefined>;
}

export function createEndpoint({ settings, limiter, store }: EndpointSetup) {
  const { path, log } = settings;

  async function lists(req: IncomingMessage, res: ServerResponse, url: URL, route: string) {
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

  return async function endpoint(req: IncomingMessage, res: ServerResponse, url: URL) {
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
          { ...headers, 'retry-after': String(taken.retryAfterSeconds) },
        );
      }
      const open = await store(res, headers);
      if (open) await collect(req, res, open, headers, { ...settings, log });
      return;
    }
    const isRead = method === 'GET' || method === 'HEAD';
    if ((route === '/stats' || route === '/events') && isRead) return lists(req, res, url, route);
    req.resume();
    if (route === '/' || route === '/stats' || route === '/events') {
      return sendJson(
        res,
        405,
        { error: `method ${method} not allowed` },
        { ...headers, allow: route === '/' ? 'POST, OPTIONS' : 'GET, HEAD, OPTIONS' },
      );
    }
    return sendJson(res, 404, { error: `no collector route ${url.pathname}` });
  };
}
