// The insights routes of the demo server: GET /insights (the page), /insights/export
// (raw events as NDJSON or CSV) and /insights/insights.css (its stylesheet, same-origin
// for the CSP). Like the collector, the handler answers false for paths not its own.
import { readFile } from 'node:fs/promises';
import { EXPORT_FORMATS, streamExport } from './export.mjs';
import { parseFilters } from './filters.mjs';
import { renderPage } from './page.mjs';
import { buildReport } from './report.mjs';

const CSS = new URL('./insights.css', import.meta.url);

/** Options of {@link createInsights}. */
export const INSIGHTS_DEFAULTS = {
  /** Where the page lives; the export and the stylesheet are below it. */
  path: '/insights',
  /** Events read from the database per step of an export. */
  exportPageSize: 500,
};

function plain(res, status, text, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

/** @returns `(req, res, url) => Promise<boolean>` */
export function createInsights(store, options = {}) {
  const { path, exportPageSize } = { ...INSIGHTS_DEFAULTS, ...options };
  return async function handle(req, res, url) {
    if (url.pathname !== path && !url.pathname.startsWith(`${path}/`)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      plain(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
      return true;
    }
    const route = url.pathname.slice(path.length).replace(/\/$/, '');
    if (route === '') {
      const page = renderPage(await buildReport(store, parseFilters(url.searchParams)));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : page);
    } else if (route === '/insights.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : await readFile(CSS));
    } else if (route === '/export') {
      const format = url.searchParams.get('format') ?? 'ndjson';
      if (!Object.hasOwn(EXPORT_FORMATS, format)) {
        plain(res, 400, `format: expected ${Object.keys(EXPORT_FORMATS).join(' or ')}\n`);
      } else if (req.method === 'HEAD') {
        res.writeHead(200, { 'content-type': EXPORT_FORMATS[format].type }).end();
      } else await streamExport(store, res, format, exportPageSize);
    } else plain(res, 404, `not found: ${url.pathname}\n`);
    return true;
  };
}
