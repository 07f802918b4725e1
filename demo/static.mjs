// Static files for the demo: the shop's pages from demo/public and the built script-tag
// files (`/touchpoint*.js` and their maps) from dist/. Clean URLs: `/checkout/done`
// serves `checkout/done.html` or `checkout/done/index.html`, because survey and stage
// globs are written against the paths people see.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The script tag and whatever it loads lazily beside itself (SPEC "Script tag"). */
const FROM_DIST = /^\/touchpoint[\w.-]*\.(?:js|mjs|map)$/;

/**
 * The SPA example (demo/spa) under /spa/: its bundle and stylesheet by name, and index.html
 * for every other path without an extension, because its router owns those URLs (the
 * history-API fallback every SPA host has), so a reload on /spa/checkout/done still works.
 */
const SPA = /^\/spa(?:\/|$)/;
const SPA_FILES = {
  '/spa/app.js': 'dist/app.js',
  '/spa/app.js.map': 'dist/app.js.map',
  '/spa/app.css': 'app.css',
};

function spaFile(spaDir, pathname) {
  const file = SPA_FILES[pathname] ?? (extname(pathname) ? null : 'index.html');
  return file ? fileAt(join(spaDir, file)) : null;
}

/**
 * The path's segments, decoded, or null when it could leave the folder it is served
 * from: `..`, hidden files, and separators or NUL smuggled in as `%2F`, `%5C`, `%00`.
 * (The URL parser already resolved literal `/../`; encoded forms reach us as written.)
 */
export function safeSegments(pathname) {
  const segments = [];
  for (const raw of pathname.split('/').filter(Boolean)) {
    let segment;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, info } : null;
  } catch {
    return null;
  }
}

/** The file a clean URL names: itself, `.html` added, or the folder's index.html. */
async function resolve(dir, segments) {
  const base = join(dir, ...segments);
  // join() cannot climb out after safeSegments(), but the check keeps that true if it changes.
  if (base !== dir && !base.startsWith(dir + sep)) return null;
  if (segments.length === 0) return fileAt(join(dir, 'index.html'));
  return (await fileAt(base)) ?? (await fileAt(`${base}.html`)) ?? (await fileAt(join(base, 'index.html')));
}

/**
 * Makes the static handler.
 *
 * @param {{ publicDir: string, distDir: string, spaDir?: string }} dirs absolute paths
 * @returns `(req, res, url) => Promise<void>`
 */
export function createStatic({ publicDir, distDir, spaDir }) {
  return async function serve(req, res, url) {
    const plain = (status, text, headers = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      return plain(405, 'method not allowed\n', { allow: 'GET, HEAD' });
    }
    const segments = safeSegments(url.pathname);
    if (!segments) return plain(400, 'bad path\n');
    const fromDist = FROM_DIST.test(url.pathname);
    const spa = spaDir && SPA.test(url.pathname);
    const file = spa
      ? await spaFile(spaDir, url.pathname)
      : await resolve(fromDist ? distDir : publicDir, segments);
    if (!file) {
      const hint =
        fromDist || (spa && url.pathname.endsWith('.js')) ? ' (build it first: npx pnpm@10 build)' : '';
      return plain(404, `not found: ${url.pathname}${hint}\n`);
    }
    const etag = `W/"${file.info.size.toString(16)}-${Math.floor(file.info.mtimeMs).toString(16)}"`;
    const headers = {
      'content-type': TYPES[extname(file.path)] ?? 'application/octet-stream',
      // Revalidate every time: the demo is rebuilt while the server runs.
      'cache-control': 'no-cache',
      etag,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      return res.end();
    }
    res.writeHead(200, { ...headers, 'content-length': file.info.size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file.path)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
