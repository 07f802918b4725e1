// The configuration pages load: `<config>/published.json`, the newest published version at a
// stable URL for `data-config`, with an ETag and a short cache so a publish or a rollback
// reaches pages within a minute and without a deploy; and `<config>/draft.json?key=…`, the
// draft for `?tp_preview=`, readable by whoever holds the preview key (the editor's link).
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sameSecret } from '../auth.js';
import type { Queryable } from '../database.js';
import { sendJson } from '../respond.js';
import { publishable } from './paused.js';
import { latestVersion, readDraft } from './versions.js';

/** Seconds a page (or a CDN) may reuse the published configuration before asking again. */
export const PUBLISHED_MAX_AGE = 60;

/** The preview key: derived from the admin secret, so it changes when the token does. */
export const previewKey = (secret: string) =>
  createHmac('sha256', secret).update('touchpoint draft preview').digest('base64url');

/** A version's ETag: its number and hash, so a rollback (same hash, new number) is new too. */
export const etagOf = (number: number, hash: string) => `"v${number}-${hash}"`;

/** True when the request's `If-None-Match` names this ETag (or `*`). */
const notModified = (req: IncomingMessage, etag: string) =>
  (req.headers['if-none-match'] ?? '')
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');

// Any site may read the configuration, as it may read a static file: it holds no secret.
const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'etag' };

export function createPublished(store: Promise<Queryable>, secret: () => string, path: string) {
  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    req.resume();
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD')
      return sendJson(res, 405, { error: `method ${method} not allowed` }, { allow: 'GET, HEAD', ...CORS });
    const db = await store;
    if (url.pathname === `${path}/published.json`) {
      const version = await latestVersion(db);
      if (!version) return sendJson(res, 404, { error: 'nothing is published yet' }, CORS);
      const etag = etagOf(version.number, version.configHash);
      const headers = {
        ...CORS,
        etag,
        'cache-control': `public, max-age=${PUBLISHED_MAX_AGE}, must-revalidate`,
        'x-touchpoint-version': String(version.number),
      };
      if (notModified(req, etag)) return void res.writeHead(304, headers).end();
      const body = JSON.stringify(version.config, null, 2);
      res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
      return void res.end(method === 'HEAD' ? undefined : body);
    }
    if (url.pathname === `${path}/draft.json`) {
      const key = url.searchParams.get('key') ?? '';
      if (!sameSecret(key, previewKey(secret())))
        return sendJson(res, 403, { error: 'draft: the preview key is missing or wrong' }, CORS);
      const draft = await readDraft(db);
      // What the next publish would send: a paused survey is not previewed either.
      return sendJson(res, 200, publishable(draft.config), CORS);
    }
    return sendJson(res, 404, { error: `no configuration at ${url.pathname}` }, CORS);
  };
}
