// The editor's routes under /admin. Who may call them is decided before (auth.ts, the same
// sign-in as insights). Here: the stylesheet and script, then every other route by method
// and pattern, each a handler in the file of its page (list, survey, settings, versions,
// preview, API). Every POST is checked for CSRF before its handler runs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queryable } from '../database.js';
import { html } from '../insights/html.js';
import { readBody } from '../read-body.js';
import { sendJson } from '../respond.js';
import { ADMIN_CSS } from './admin-css.js';
import { ADMIN_JS } from './admin-js.js';
import { matches } from './api-routes.js';
import { CSRF_FIELD, csrfProblem } from './csrf.js';
import { deleteSurvey, pauseSurvey } from './draft-changes.js';
import { type AdminOptions, createEditor, type Handler } from './editor.js';
import { sendPage } from './layout.js';
import { list, publish } from './list-routes.js';
import { preview } from './preview-route.js';
import { notFound } from './replies.js';
import { saveSettings, showSettings } from './settings-routes.js';
import { confirmDelete, editSurvey, newSurvey, saveSurvey } from './survey-routes.js';
import { rollBackTo, showVersions } from './version-routes.js';

export type { AdminOptions } from './editor.js';

/** A form is small; this bounds what one request may make the collector read. */
const MAX_FORM_BYTES = 256 * 1024;

/** Routes below the editor's path; a group is a survey id or a version number. */
const ROUTES: Record<'GET' | 'POST', [RegExp, Handler][]> = {
  GET: [
    [/^$/, list],
    [/^\/surveys\/new$/, newSurvey],
    [/^\/surveys\/([^/]+)$/, editSurvey],
    [/^\/surveys\/([^/]+)\/delete$/, confirmDelete],
    [/^\/settings$/, showSettings],
    [/^\/versions$/, showVersions],
    [/^\/preview$/, preview],
    [/^\/api\/matches$/, matches],
  ],
  POST: [
    [/^\/surveys\/new$/, saveSurvey],
    [/^\/surveys\/([^/]+)$/, saveSurvey],
    [/^\/surveys\/([^/]+)\/delete$/, deleteSurvey],
    [/^\/surveys\/([^/]+)\/pause$/, pauseSurvey(true)],
    [/^\/surveys\/([^/]+)\/resume$/, pauseSurvey(false)],
    [/^\/settings$/, saveSettings],
    [/^\/publish$/, publish],
    [/^\/versions\/(\d+)\/rollback$/, rollBackTo],
  ],
};

/** `%41` → `A`; undefined for an escape that decodes to nothing (`%E0%A4`). */
const decoded = (part: string): string | undefined => {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
};

/** The handler for `route` and its decoded groups, if any route matches. */
function find(method: 'GET' | 'POST', route: string): [Handler, string[]] | undefined {
  for (const [pattern, handler] of ROUTES[method]) {
    const params = pattern.exec(route)?.slice(1).map(decoded);
    if (params) return params.every((p) => p !== undefined) ? [handler, params as string[]] : undefined;
  }
  return undefined;
}

function sendAsset(res: ServerResponse, route: string) {
  const css = route !== '/admin.js';
  res.writeHead(200, {
    'content-type': css ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(css ? ADMIN_CSS : ADMIN_JS);
}

export function createAdmin(store: Promise<Queryable>, options: AdminOptions) {
  const editor = createEditor(options);
  const { base, ctx, secret } = editor;

  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = url.pathname.slice(base.length).replace(/\/$/, '');
    const method = req.method ?? 'GET';
    if (route === '/admin.css' || route === '/admin.js' || route === '/insights.css') {
      req.resume();
      return sendAsset(res, route);
    }
    const db = await store;
    if (method !== 'POST') req.resume();
    if (method === 'GET' || method === 'HEAD') {
      const found = find('GET', route);
      if (!found) return notFound(res, ctx, url.pathname);
      return found[0](editor, { db, req, res, url, params: found[1], form: new URLSearchParams() });
    }
    if (method !== 'POST')
      return sendJson(res, 405, { error: `method ${method} not allowed` }, { allow: 'GET, HEAD, POST' });
    const body = await readBody(req, MAX_FORM_BYTES);
    if (!body.ok) {
      if (body.reason === 'aborted') return void res.destroy();
      return sendJson(res, 413, { error: 'form too large' });
    }
    const form = new URLSearchParams(body.text);
    const refused = csrfProblem(req, form.get(CSRF_FIELD), secret);
    if (refused)
      return sendPage(
        res,
        403,
        ctx,
        'Refused',
        '',
        html`<h1>Refused</h1><p>This change was refused: ${refused}. Nothing was saved. Open the form again from <a href="${base}">the editor</a> and submit it from there.</p>`,
      );
    const found = find('POST', route);
    if (!found) return notFound(res, ctx, `${base}${route}`);
    return found[0](editor, { db, req, res, url, params: found[1], form });
  };
}
