// 10,000 tracked events through the built adapter: persisted in IndexedDB (fake-indexeddb in
// Node; a browser bench belongs to the e2e suite) and delivered to a collector on 127.0.0.1.
// Reports wall time, IndexedDB transactions, requests and peak heap. Run after `pnpm build`:
// `node bench/adapter.bench.mjs` (or through bench/run.mjs).
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import { IDBDatabase } from 'fake-indexeddb';
import { connect } from '../packages/adapter/dist/index.js';

const EVENTS = 10_000;
const BURST = 100; // events tracked per task, like a busy page

export async function run() {
  const transactions = { readonly: 0, readwrite: 0 };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode = 'readonly', ...rest) {
    transactions[mode]++;
    return transaction.call(this, names, mode, ...rest);
  };

  const seen = new Set();
  let requests = 0;
  let duplicates = 0;
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      requests++;
      for (const e of JSON.parse(data).events) seen.has(e.id) ? duplicates++ : seen.add(e.id);
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${server.address().port}/collect`;

  const listeners = [];
  const host = {
    consented: true,
    on(type, fn) {
      if (type === '*') listeners.push(fn);
      return () => {};
    },
  };
  let peak = process.memoryUsage().heapUsed;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const warn = console.warn;
  console.warn = () => {}; // "no Web Locks" in Node is expected here

  // connect() does nothing without a window (server rendering): an EventTarget stands in for
  // the page, which is all the adapter listens on.
  const hadWindow = 'window' in globalThis;
  if (!hadWindow) globalThis.window = new EventTarget();
  const start = performance.now();
  const link = connect(host, { endpoint });
  for (let i = 0; i < EVENTS; i += BURST) {
    for (let j = i; j < i + BURST; j++) {
      const event = {
        id: `bench-${j}`,
        type: 'track',
        name: 'product_viewed',
        stage: 'interest',
        props: { sku: `SKU-${j % 500}`, price: j % 97 },
        ts: Date.now(),
        anonymousId: 'anon-1',
        sessionId: 'session-1',
        page: { url: 'https://shop.example/products/x', path: '/products/x', title: 'Product X' },
      };
      for (const fn of listeners) fn(event);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  const tracked = performance.now() - start;
  while (seen.size < EVENTS) await link.flush();
  const elapsed = performance.now() - start;

  link.stop();
  if (!hadWindow) delete globalThis.window;
  clearInterval(sample);
  console.warn = warn;
  server.close();
  IDBDatabase.prototype.transaction = transaction;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return {
    name: 'adapter: 10,000 events persisted and delivered',
    events: EVENTS,
    delivered: seen.size,
    duplicates,
    requests,
    'tracking ms': Math.round(tracked),
    'total ms': Math.round(elapsed),
    'idb readwrite transactions': transactions.readwrite,
    'idb readonly transactions': transactions.readonly,
    'peak heapUsed MB': +(peak / 2 ** 20).toFixed(1),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
