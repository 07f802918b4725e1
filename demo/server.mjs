// The demo's local server: serves the demo pages and the built script on 127.0.0.1 and
// accepts the SPEC's wire format at /collect.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 5173);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.map': 'application/json',
};

/** `/touchpoint.js` comes from dist/, everything else from demo/public/. */
function fileFor(pathname) {
  const base =
    pathname.startsWith('/touchpoint') && pathname.endsWith('.js')
      ? join(root, 'dist')
      : join(root, 'demo/public');
  const file = normalize(join(base, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
  return file.startsWith(base) && existsSync(file) && statSync(file).isFile() ? file : null;
}

let received = 0;
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/collect' && req.method === 'POST') {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      try {
        const { events } = JSON.parse(body);
        received += events.length;
        res.writeHead(204).end();
      } catch {
        res.writeHead(400).end('malformed body');
      }
    });
    return;
  }
  const file = fileFor(url.pathname);
  if (!file) return res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Touchpoint demo:      http://127.0.0.1:${port}/`);
  console.log(`Collector endpoint:   http://127.0.0.1:${port}/collect (${received} events so far)`);
});
