// What the profile-*.mjs scripts share: the page and configuration of bench-peers'
// `touchpoint` subject, the built files served brotli-compressed as that bench serves them, and
// its test of a visible prompt.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const args = process.argv.slice(2);

/** The command line's `--name value`, else `fallback`. */
export const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : args[at + 1];
};

/** `--dist <dir>`: the built files to measure, by default this checkout's dist/. */
export const distOption = () =>
  path.resolve(option('--dist', fileURLToPath(new URL('../dist/', import.meta.url))));

export const QUESTION = 'How likely are you to recommend us to a friend?';

/** bench-peers' configuration: one survey meant for another page, so only `show(id)` shows it. */
export const PEERS_CONFIG = {
  version: 1,
  stages: {},
  surveys: [
    {
      id: 'nps-1',
      metric: 'nps',
      question: QUESTION,
      when: { pages: ['/never'] },
      sample: 1,
      cooldownDays: 0,
    },
  ],
  limits: { maxPerSession: 10, minDaysBetweenSurveys: 0 },
};

/** bench-peers' script tag. */
export const TAG =
  '<script src="/dist/touchpoint.js" data-endpoint="/collect" data-config="/tp.json" async></script>';

/** bench-peers' page around `head`. */
export const pageHtml = (head) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>p</title>${head}</head><body><h1>Shop</h1><p>${'Lorem ipsum '.repeat(50)}</p></body></html>`;

export const brotli = (buffer) =>
  zlib.brotliCompressSync(buffer, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });

/** The JavaScript files of a dist/ folder, brotli-compressed, by file name. */
export function distFiles(dir, extra = {}) {
  const files = new Map(Object.entries(extra).map(([file, text]) => [file, brotli(text)]));
  for (const file of readdirSync(dir))
    if (/\.js$/.test(file)) files.set(file, brotli(readFileSync(path.join(dir, file))));
  return files;
}

/**
 * Gives every page of `context` bench-peers' test of a visible prompt, as `window.__tpVisible()`:
 * a dialog with a height and rating options, in any shadow root.
 */
export const installVisible = (context) =>
  context.addInitScript(() => {
    window.__tpVisible = () => {
      for (const el of document.querySelectorAll('*')) {
        const root = el.shadowRoot;
        const dialog = root?.querySelector('[role="dialog"]');
        if (dialog && dialog.getBoundingClientRect().height > 0 && root.querySelector('[role="radio"]'))
          return true;
      }
      return false;
    };
  });

/**
 * In the page: calls `Touchpoint[method](arg)` (`['show', 'nps-1']`),
 * then polls on every animation frame until the prompt is visible; resolves with the ms it took,
 * the frames it polled and when it started (`performance.now()`). Meant for `page.evaluate(untilVisible, [...])`.
 */
export const untilVisible = async ([method, arg]) => {
  const t0 = performance.now();
  window.Touchpoint[method](arg);
  let frames = 0;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (window.__tpVisible()) return resolve({ ms: performance.now() - t0, frames, t0 });
      if (performance.now() - t0 > 8000) return reject(new Error('prompt not visible in 8 s'));
      frames++;
      requestAnimationFrame(tick);
    };
    tick();
  });
};

/**
 * Serves bench-peers' site on 127.0.0.1: `/page/<name>` from `head(name)` (undefined: 404), the
 * brotli-compressed files of `dist` under `/dist/`, the configuration at `/tp.json`, and an empty
 * 200 for anything else (the collector's POSTs). Everything `no-store`, as bench-peers serves.
 * `extra` adds files under `/dist/` by name (a variant of a built file, say).
 */
export function serveSite(dist, head, config = PEERS_CONFIG, extra = {}) {
  const files = distFiles(dist, extra);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (body, type, headers = {}) =>
      res
        .writeHead(body == null ? 404 : 200, {
          'Content-Type': type,
          'Cache-Control': 'no-store',
          ...headers,
        })
        .end(body ?? '');
    if (url.pathname.startsWith('/page/')) {
      const html = head(url.pathname.slice(6));
      return send(html == null ? undefined : pageHtml(html), 'text/html');
    }
    const file = url.pathname.startsWith('/dist/') && files.get(url.pathname.slice(6));
    if (file) return send(file, 'text/javascript', { 'Content-Encoding': 'br' });
    if (url.pathname === '/tp.json') return send(JSON.stringify(config), 'application/json');
    req.resume();
    req.on('end', () => send('{}', 'application/json'));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[(sorted.length - 1) >> 1] : 0;
};
