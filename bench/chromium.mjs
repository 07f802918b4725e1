// The browser benches' edge: Debian's Chromium (never a downloaded one), a server on 127.0.0.1
// for the built script tag and its pages, and a collector that answers as the bench asks.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const dist = new URL('../dist/', import.meta.url);

/** Headless Chromium with the suite's flags (tests/e2e/support/browser.ts), and `extra` ones. */
export function launch(extra = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extra,
    ],
  });
}

/**
 * Serves `pages` (path → HTML), dist/touchpoint.js and dist/touchpoint-widget.js (cacheable, as
 * a CDN serves them, so a second page finds the widget file warm) and POST /collect, whose
 * answer is `collector.status` (200 by default). Counts the events it acknowledged.
 */
export async function site(pages) {
  const files = {
    '/touchpoint.js': readFileSync(new URL('touchpoint.js', dist)),
    '/touchpoint-widget.js': readFileSync(new URL('touchpoint-widget.js', dist)),
  };
  const collector = { status: 200, received: 0, requests: 0 };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/collect') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        collector.requests++;
        if (collector.status === 200) collector.received += JSON.parse(body).events.length;
        res.writeHead(collector.status).end('{}');
      });
      return;
    }
    if (files[path])
      return res
        .writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' })
        .end(files[path]);
    if (pages[path]) return res.writeHead(200, { 'content-type': 'text/html' }).end(pages[path]);
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    collector,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Median, 95th percentile and minimum of `values`, rounded to `digits`. */
export function stats(values, digits = 1) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (v) => +v.toFixed(digits);
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0]), runs: values.length };
}
