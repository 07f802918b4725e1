import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/** A route's answer: a body with optional content type and headers. */
export interface Reply {
  body: string | Uint8Array;
  type?: string;
  headers?: Record<string, string>;
  status?: number;
}

/** Path → reply, or a handler for anything else (e.g. a collector). */
export type Routes = Record<string, Reply | ((req: IncomingMessage, res: ServerResponse) => void)>;

export interface Served {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves routes and/or a directory on 127.0.0.1 on a free port. `headers` go on every static
 * file (e.g. a Content-Security-Policy). Paths outside the directory are refused.
 */
export async function serve(
  source: { dir?: string; routes?: Routes; headers?: Record<string, string> } | string,
): Promise<Served> {
  const { dir, routes = {}, headers = {} } = typeof source === 'string' ? { dir: source } : source;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = routes[path];
    if (typeof route === 'function') return route(req, res);
    if (route) {
      res.writeHead(route.status ?? 200, {
        'content-type': route.type ?? TYPES[extname(path)] ?? 'text/html; charset=utf-8',
        ...headers,
        ...route.headers,
      });
      return res.end(route.body);
    }
    if (dir) {
      const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
      if (file.startsWith(normalize(dir))) {
        try {
          const body = await readFile(file);
          res.writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            ...headers,
          });
          return res.end(body);
        } catch {}
      }
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
