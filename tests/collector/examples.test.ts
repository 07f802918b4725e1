// The README's examples, run: node:http, and Express-style middleware with a stand-in `next`
// (Express itself is not a dependency).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createCollector } from '../../packages/collector/src/index.js';
import { freshDataDir } from '../demo/data-dir.js';
import { wireEvent } from './support/serve.js';

let dataDir: { dir: string; remove(): void };
beforeAll(async () => {
  dataDir = await freshDataDir();
}, 120_000);
afterAll(() => dataDir?.remove());

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => unknown) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const send = (url: string) =>
  fetch(`${url}/collect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sentAt: Date.now(), events: [wireEvent()] }),
  });

it('serves /collect and /insights in a node:http server and leaves other paths to it', async () => {
  const collector = createCollector({ database: { dataDir: dataDir.dir }, log: () => {} });
  await collector.ready;
  const app = await listen(async (req, res) => {
    if (await collector(req, res)) return;
    res.writeHead(404).end();
  });
  try {
    expect((await send(app.url)).status).toBe(200);
    expect((await fetch(`${app.url}/insights`)).status).toBe(200);
    expect((await fetch(`${app.url}/elsewhere`)).status).toBe(404);
  } finally {
    await app.close();
    await collector.close();
  }
}, 60_000);

it('works as Express-style middleware: its routes answered, next() called for the rest', async () => {
  const collector = createCollector({ database: { dataDir: dataDir.dir }, log: () => {} });
  const middleware = async (req: IncomingMessage, res: ServerResponse, next: () => void) =>
    (await collector(req, res)) || next();
  const next = vi.fn();
  // The smallest `app.use` chain: the middleware, then the application's own handler.
  const app = await listen((req, res) =>
    middleware(req, res, () => {
      next(req.url);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('the app');
    }),
  );
  try {
    expect((await send(app.url)).status).toBe(200);
    expect(next).not.toHaveBeenCalled();
    const other = await fetch(`${app.url}/products`);
    expect(await other.text()).toBe('the app');
    expect(next).toHaveBeenCalledWith('/products');
  } finally {
    await app.close();
    await collector.close();
  }
}, 60_000);
