// The collector's HTTP edge (SPEC "Wire format"): POST /collect takes a batch, answers
// 2xx once it is stored, and 4xx for what no retry can fix; GET /collect/stats and
// /collect/events show what arrived. Validation rules live in batch.mjs, storage in db.mjs.
import { parseBatch } from './batch.mjs';
import { readBody } from './read-body.mjs';

/** Options of {@link createCollector}. */
export const COLLECTOR_DEFAULTS = {
  /** The path of the endpoint; stats and events are served below it. */
  path: '/collect',
  /** Largest body accepted; larger ones get 413, which makes the adapter split the batch. */
  maxBytes: 1024 * 1024,
  /** Events `GET <path>/events` returns at most. */
  maxListed: 500,
  /** Where one line per batch goes. */
  log: () => {},
};

/**
 * Cross-origin collectors: any site may send (the data are the visitor's own events and
 * no cookies are read), custom headers from `connect(tp, { headers })` are allowed, and
 * `Retry-After` is readable so the adapter can honour it across origins.
 */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Retry-After',
};

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS,
    ...(text && { 'content-type': 'application/json; charset=utf-8' }),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** The media type without parameters: `text/plain;charset=UTF-8` → `text/plain`. */
const mediaType = (header = '') => header.split(';')[0].trim().toLowerCase();

/** Normal sends are JSON; unload sends are text/plain to skip the CORS preflight. */
const ACCEPTED_TYPES = ['application/json', 'text/plain'];

/**
 * Makes the collector's request handler over an event store (db.mjs).
 *
 * @returns `(req, res, url) => boolean | Promise<boolean>`: false when the path is not
 *   the collector's, so the caller serves it otherwise.
 */
export function createCollector(store, options = {}) {
  const { path, maxBytes, maxListed, log } = { ...COLLECTOR_DEFAULTS, ...options };

  async function collect(req, res) {
    const type = mediaType(req.headers['content-type']);
    if (!ACCEPTED_TYPES.includes(type)) {
      req.resume();
      return send(res, 415, { error: `content-type: expected ${ACCEPTED_TYPES.join(' or ')}` });
    }
    const body = await readBody(req, maxBytes);
    if (!body.ok) {
      if (body.reason === 'aborted') return res.destroy();
      // Closing the connection stops a client that keeps sending what was refused.
      return send(res, 413, { error: `body: expected at most ${maxBytes} bytes` }, { connection: 'close' });
    }
    let json;
    try {
      json = JSON.parse(body.text);
    } catch (error) {
      return send(res, 400, { error: `body: malformed JSON (${error.message})` });
    }
    const batch = parseBatch(json);
    if (!batch.ok) return send(res, 400, { error: batch.error, rejected: batch.rejected ?? [] });
    let result;
    try {
      result = await store.insert({ ...batch, rejected: batch.rejected.length }, type);
    } catch (error) {
      log(`[touchpoint demo] could not store a batch: ${error.message}`);
      // Retried by the adapter with backoff; nothing was stored (one transaction).
      return send(res, 503, { error: 'storage unavailable, retry later' }, { 'retry-after': '5' });
    }
    const rejectedNote = batch.rejected.length ? `, ${batch.rejected.length} rejected` : '';
    log(
      `[touchpoint demo] batch of ${batch.events.length + batch.rejected.length} events: ` +
        `${result.stored} stored, ${result.duplicates} duplicates${rejectedNote}`,
    );
    return send(res, 200, { ...result, rejected: batch.rejected });
  }

  async function list(res, url) {
    const limit = Math.min(
      Math.max(Number.parseInt(url.searchParams.get('limit') ?? '50', 10) || 50, 1),
      maxListed,
    );
    const type = url.searchParams.get('type') ?? undefined;
    send(res, 200, { events: await store.recent({ limit, type }) });
  }

  return async function handle(req, res, url) {
    if (url.pathname !== path && !url.pathname.startsWith(`${path}/`)) return false;
    try {
      const route = url.pathname.slice(path.length) || '/';
      const method = req.method ?? 'GET';
      if (method === 'OPTIONS') {
        send(res, 204, undefined, {
          'access-control-allow-methods': route === '/' ? 'POST, OPTIONS' : 'GET, OPTIONS',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
          'access-control-max-age': '86400',
        });
      } else if (route === '/' && method === 'POST') await collect(req, res);
      else if (route === '/stats' && (method === 'GET' || method === 'HEAD'))
        send(res, 200, await store.stats());
      else if (route === '/events' && (method === 'GET' || method === 'HEAD')) await list(res, url);
      else if (route === '/' || route === '/stats' || route === '/events') {
        req.resume();
        send(
          res,
          405,
          { error: `method ${method} not allowed` },
          { allow: route === '/' ? 'POST, OPTIONS' : 'GET, HEAD, OPTIONS' },
        );
      } else send(res, 404, { error: `no collector route ${url.pathname}` });
    } catch (error) {
      log(`[touchpoint demo] collector error: ${error.stack ?? error}`);
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.destroy();
    }
    return true;
  };
}
