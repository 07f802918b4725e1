// The insights routes: GET /insights (the page), /insights/report.json (the same figures
// as JSON), /insights/export (raw events as NDJSON or CSV) and /insights/insights.css (its
// stylesheet, same-origin for the CSP). Like the collector, the handler answers false for
// paths not its own. Who may call it is decided before (auth.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queryable } from '../database.js';
import { sendHtml } from '../respond.js';
import { EXPORT_FORMATS, type ExportFormat, streamExport } from './export.js';
import { parseCommentView } from './filters.js';
import { INSIGHTS_CSS } from './insights-css.js';
import { renderPage } from './page.js';
import { buildReport, REPORT_DEFAULTS } from './report.js';

/** Options of {@link createInsights}. */
export const INSIGHTS_DEFAULTS = {
  /** Where the page lives; the export and the stylesheet are below it. */
  path: '/insights',
  /** Events read from the database per step of an export. */
  exportPageSize: 500,
  /** Track events that end a service visit, for the service speed section. */
  resolutionEvents: REPORT_DEFAULTS.resolutionEvents,
};

function plain(res: ServerResponse, status: number, text: string, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

/** The report as JSON: Maps become objects keyed by day. */
const toJson = (_key: string, value: unknown) => (value instanceof Map ? Object.fromEntries(value) : value);

export function createInsights(
  store: Queryable | Promise<Queryable>,
  options: Partial<typeof INSIGHTS_DEFAULTS> = {},
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const { path, exportPageSize, resolutionEvents } = { ...INSIGHTS_DEFAULTS, ...options };
  return async function handle(req, res, url) {
    if (url.pathname !== path && !url.pathname.startsWith(`${path}/`)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      plain(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
      return true;
    }
    const route = url.pathname.slice(path.length).replace(/\/$/, '');
    if (route === '') {
      const page = renderPage(
        await buildReport(await store, parseCommentView(url.searchParams), { resolutionEvents }),
      );
      sendHtml(res, 200, req.method === 'HEAD' ? '' : page);
    } else if (route === '/report.json') {
      const report = await buildReport(await store, parseCommentView(url.searchParams), { resolutionEvents });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(report, toJson));
    } else if (route === '/insights.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : INSIGHTS_CSS);
    } else if (route === '/export') {
      const format = url.searchParams.get('format') ?? 'ndjson';
      if (!Object.hasOwn(EXPORT_FORMATS, format)) {
        plain(res, 400, `format: expected ${Object.keys(EXPORT_FORMATS).join(' or ')}\n`);
      } else if (req.method === 'HEAD') {
        res.writeHead(200, { 'content-type': EXPORT_FORMATS[format as ExportFormat].type }).end();
      } else await streamExport(await store, res, format as ExportFormat, exportPageSize);
    } else plain(res, 404, `not found: ${url.pathname}\n`);
    return true;
  };
}
