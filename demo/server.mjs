// The demo's local server: the shop's pages, the built script tag, and @touchpoint/collector
// at /collect and /insights, on 127.0.0.1 only (so insights need no token: loopback only). `node demo/server.mjs` (or `pnpm start`) runs it; tests
// and the e2e suite call startServer() on port 0.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCollector, openEventStore } from '@touchpoint/collector';
import { createStatic } from './static.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Options of {@link startServer}. */
export const SERVER_DEFAULTS = {
  /** 0 picks a free port. */
  port: 5173,
  /** Where the database lives; survives restarts. */
  dataDir: join(here, 'data'),
  /** The repository: pages come from `<root>/demo/public`, the script from `<root>/dist`. */
  root: resolve(here, '..'),
  /** One line per stored batch; silent unless given. */
  log: () => {},
};

/**
 * Every response. The shop works under a strict policy, which proves the script tag and
 * its prompt do (SPEC "The prompt": no inline script or style needed).
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * Opens the event store, then listens on 127.0.0.1.
 *
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startServer(options = {}) {
  const { port, dataDir, root, log } = { ...SERVER_DEFAULTS, ...options };
  const store = await openEventStore(resolve(dataDir), { log });
  // The pages read the configuration the editor publishes (/config/published.json); on a
  // first start the shop's own file is published as version 1, so they have one at once.
  const initialConfig = JSON.parse(
    readFileSync(resolve(root, 'demo', 'public', 'touchpoint.config.json'), 'utf8'),
  );
  const collector = createCollector({ database: store, log, initialConfig });
  const serveStatic = createStatic({
    publicDir: resolve(root, 'demo', 'public'),
    distDir: resolve(root, 'dist'),
    spaDir: resolve(root, 'demo', 'spa'),
  });

  const server = createServer(async (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    try {
      if (!(await collector(req, res)))
        await serveStatic(req, res, new URL(req.url ?? '/', 'http://127.0.0.1'));
    } catch (error) {
      log(`[touchpoint demo] ${req.method} ${req.url}: ${error.stack ?? error}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error\n');
      else res.destroy();
    }
  });

  try {
    await new Promise((ok, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', ok);
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;

  let closing;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    store,
    close() {
      closing ??= new Promise((done) => {
        server.close(() => done());
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      }).then(() => store.close());
      return closing;
    },
  };
}

async function main() {
  const port = process.env.PORT === undefined ? SERVER_DEFAULTS.port : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`[touchpoint demo] PORT=${process.env.PORT}: expected a port number 0–65535`);
    process.exit(1);
  }
  const dataDir = process.env.DATA_DIR || SERVER_DEFAULTS.dataDir;
  let app;
  try {
    app = await startServer({ port, dataDir, log: console.log });
  } catch (error) {
    const why =
      error.code === 'EADDRINUSE'
        ? `port ${port} is in use; set PORT to another one (PORT=0 picks a free one)`
        : error.message.replace(/^\[touchpoint( demo)?\] /, '');
    console.error(`[touchpoint demo] could not start: ${why}`);
    process.exit(1);
  }
  const { events } = await app.store.stats();
  console.log(`Touchpoint demo shop   ${app.url}/`);
  console.log(`Collector endpoint     ${app.url}/collect   (counts: ${app.url}/collect/stats)`);
  console.log(`Insights               ${app.url}/insights   (this machine only: no token needed)`);
  console.log(`Survey editor          ${app.url}/admin   (publishing changes the shop within a minute)`);
  console.log(`Configuration          ${app.url}/config/published.json`);
  console.log(`Events stored in       ${resolve(dataDir)}   (${events} so far)`);
  if (!existsSync(join(SERVER_DEFAULTS.root, 'dist', 'touchpoint.js'))) {
    console.warn('[touchpoint demo] dist/touchpoint.js is missing: run `npx pnpm@10 build` first');
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // A clean close checkpoints Postgres, so the next start needs no recovery.
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isMain = process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
if (isMain) await main();
