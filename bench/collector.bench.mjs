// @touchpoint/collector end to end: HTTP + validation + commit, batches of 20 events from
// concurrent keep-alive clients, into PGlite and into a local PostgreSQL server (started
// here, fsync on, like production), then three collector processes on one PostgreSQL, then
// the per-batch latency at half the throughput measured. Each collector is the built
// `touchpoint-collector` command in its own process; the clients run in this one, on the
// same 2 vCPUs. Run after `pnpm build`: `node bench/collector.bench.mjs` (or `pnpm bench`).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '../tests/collector/support/postgres.mjs';

const BIN = fileURLToPath(new URL('../packages/collector/bin/touchpoint-collector.mjs', import.meta.url));
const BATCH = 20;
const CLIENTS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const WARMUP_SECONDS = 1;

/** One collector process; resolves once it listens. */
function startCollector(env, args = []) {
  const child = spawn(
    process.execPath,
    [BIN, '--port', '0', '--host', '127.0.0.1', '--rate-limit', '0', ...args],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const match = /listening on (http:\/\/[^/\s]+)\/collect/.exec(chunk.toString());
      if (match)
        resolve({
          url: match[1],
          stop: () => new Promise((done) => child.once('exit', done).kill('SIGTERM')),
        });
    });
    child.once('exit', (code) => reject(new Error(`collector exited with ${code} before listening`)));
  });
}

let sequence = 0;
const PROPS = JSON.stringify({
  surveyId: 'checkout-csat',
  metric: 'csat',
  score: 4,
  trail: [{ type: 'track', name: 'add_to_cart', path: '/cart' }],
});
/** A batch body with new ids, like the adapter's: ~450 bytes per event. */
function body() {
  const now = Date.now();
  const events = [];
  for (let i = 0; i < BATCH; i++) {
    const id = `bench-${process.pid}-${++sequence}`;
    events.push(
      `{"id":"${id}","type":"survey_answered","name":"checkout-csat","stage":"purchase","ts":${now},"anonymousId":"anon-${sequence % 5000}","sessionId":"s-${sequence % 9000}","page":{"url":"https://shop.example/checkout/done","path":"/checkout/done","title":"Thank you"},"props":${PROPS}}`,
    );
  }
  return `{"sentAt":${now},"events":[${events.join(',')}]}`;
}

function post(agent, url, text) {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/collect`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * `CLIENTS` clients send batches for `SECONDS` after a warm-up, round-robin over `urls`;
 * `rate` (events/s, all clients together) paces them, or none for as fast as answered.
 */
async function load(name, urls, rate) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies = [];
  let events = 0;
  let failures = 0;
  const start = performance.now();
  const measureFrom = start + WARMUP_SECONDS * 1000;
  const end = measureFrom + SECONDS * 1000;
  const interval = rate ? (CLIENTS * BATCH * 1000) / rate : 0;
  const client = async (index) => {
    let next = start + (interval * index) / CLIENTS;
    for (let n = index; performance.now() < end; n++) {
      if (interval) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        next += interval;
      }
      const sent = performance.now();
      const status = await post(agent, urls[n % urls.length], body());
      const done = performance.now();
      if (sent < measureFrom || done > end) continue;
      if (status === 200) {
        events += BATCH;
        latencies.push(done - sent);
      } else failures++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    name,
    'events/s': Math.round(events / SECONDS),
    'p50 ms/batch': Number(percentile(latencies, 50).toFixed(1)),
    'p99 ms/batch': Number(percentile(latencies, 99).toFixed(1)),
    'non-200': failures,
  };
}

export async function run() {
  const rows = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'tp-bench-pglite-'));
  const pg = await startPostgres({ fsync: true });
  try {
    const pglite = await startCollector({ DATABASE_URL: '' }, ['--data', dataDir]);
    rows.push(await load('PGlite, 1 process', [pglite.url]));
    await pglite.stop();

    const one = await startCollector({ DATABASE_URL: pg.url });
    const max = await load('PostgreSQL, 1 process', [one.url]);
    rows.push(max);
    await one.stop();

    const three = await Promise.all([1, 2, 3].map(() => startCollector({ DATABASE_URL: pg.url })));
    const urls = three.map((c) => c.url);
    const max3 = await load('PostgreSQL, 3 processes', urls);
    rows.push(max3);
    const half = Math.round(Math.max(max['events/s'], max3['events/s']) / 2);
    rows.push(await load(`PostgreSQL, 3 processes, paced at ${half} events/s`, urls, half));
    rows.push(await load('PostgreSQL, 3 processes, paced at 10000 events/s', urls, 10_000));
    await Promise.all(three.map((c) => c.stop()));
  } finally {
    pg.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await run());
