import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStatic, safeSegments } from '../../demo/static.mjs';

// The static handler alone, over a made-up root: no database needed.
let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tp-static-'));
  const file = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  file('public/index.html', '<h1>home</h1>');
  file('public/cart.html', '<h1>cart</h1>');
  file('public/checkout/index.html', '<h1>checkout</h1>');
  file('public/checkout/done.html', '<h1>done</h1>');
  file('public/shop.css', 'body{}');
  file('public/.env', 'SECRET=1');
  file('dist/touchpoint.js', 'void 0');
  file('dist/touchpoint.js.map', '{}');
  file('dist/touchpoint-widget.js', 'void 1');
  file('secret.txt', 'outside');
  const serve = createStatic({ publicDir: join(root, 'public'), distDir: join(root, 'dist') });
  server = createServer((req, res) => void serve(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(root, { recursive: true, force: true });
});

/** A request whose path reaches the server exactly as written (fetch would normalise it). */
const raw = (path: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${base}/`, { path }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('safeSegments', () => {
  it.each([
    ['/', []],
    ['/checkout/done', ['checkout', 'done']],
    ['/a%20b.html', ['a b.html']],
    ['//double//slash/', ['double', 'slash']],
  ])('splits %s into decoded segments', (path, segments) => {
    expect(safeSegments(path)).toEqual(segments);
  });

  it.each(['/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/a%00b', '/.env', '/%E0%A4%A'])(
    'refuses %s',
    (path) => {
      expect(safeSegments(path)).toBeNull();
    },
  );
});

describe('createStatic', () => {
  it.each([
    ['/', '<h1>home</h1>', 'text/html; charset=utf-8'],
    ['/cart', '<h1>cart</h1>', 'text/html; charset=utf-8'],
    ['/checkout', '<h1>checkout</h1>', 'text/html; charset=utf-8'],
    ['/checkout/', '<h1>checkout</h1>', 'text/html; charset=utf-8'],
    ['/checkout/done', '<h1>done</h1>', 'text/html; charset=utf-8'],
    ['/shop.css', 'body{}', 'text/css; charset=utf-8'],
  ])('serves %s from demo/public, clean URLs included', async (path, body, type) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(await res.text()).toBe(body);
  });

  it.each([
    ['/touchpoint.js', 'void 0'],
    ['/touchpoint.js.map', '{}'],
    ['/touchpoint-widget.js', 'void 1'],
  ])('serves %s, the built script tag and its siblings, from dist/', async (path, body) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(body);
  });

  it('answers 304 when the browser already has the file', async () => {
    const first = await fetch(`${base}/shop.css`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await fetch(`${base}/shop.css`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/checkout/..%2f..%2fsecret.txt',
    '/..%5c..%5csecret.txt',
    '/.env',
    '/touchpoint.js/../../secret.txt',
  ])('refuses the path-traversal or hidden-file request %s', async (path) => {
    const res = await raw(path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toContain('outside');
    expect(res.body).not.toContain('SECRET');
  });

  it('answers 404 naming the path, with a build hint for a missing script file', async () => {
    expect(await (await fetch(`${base}/nope`)).text()).toBe('not found: /nope\n');
    const res = await fetch(`${base}/touchpoint-missing.js`);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/build it first/);
  });

  it('answers 405 to methods other than GET and HEAD', async () => {
    const res = await fetch(`${base}/cart`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});
