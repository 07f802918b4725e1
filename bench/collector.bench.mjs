// @touchpoint/collector end to end: HTTP + validation + commit, batches of 20 events from
// concurrent keep-alive clients, into PGlite and into a local PostgreSQL server (started
// here, fsync on, like production), then three collector processes on one PostgreSQL, then
// the per-batch latency at half the throughput measured. Each collector is the built
// `touchpoint-collector` command in its own process; the clients run in this one, on the
// same 2 vCPUs. Each run ends with the first /insights/report.json read, which waits for
// the insights figures to catch up with what was stored. Run after `pnpm build`: `node bench/collector.bench.mjs` (or `pnpm bench`).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

/** CPU time of a process so far, in ms (utime + stime, /proc ticks of 10 ms); 0 once it is gone. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The PostgreSQL server's processes: the postmaster and its children (backends, WAL writer…). */
function postgresPids(dataDir) {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

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
          pid: child.pid,
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
 * `CLIENTS` clients send batches for `SECONDS` after a warm-up, round-robin over the
 * collectors; `rate` (events/s, all clients together) paces them, or none for as fast as
 * answered. Also the CPU time the collectors and PostgreSQL spent per 1,000 events: on a
 * machine shared with other work, throughput says how much CPU was left, CPU time what
 * the collector costs.
 */
async function load(name, collectors, rate, postgresDir) {
  const urls = collectors.map((c) => c.url);
  const serverPids = () => (postgresDir ? postgresPids(postgresDir) : []);
  const cpu = (pids) => pids.reduce((ms, pid) => ms + cpuMs(pid), 0);
  const before = {
    collectors: cpu(collectors.map((c) => c.pid)),
    server: new Map(serverPids().map((pid) => [pid, cpuMs(pid)])),
  };
  let all = 0;
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
      if (status === 200) all += BATCH;
      if (sent < measureFrom || done > end) continue;
      if (status === 200) {
        events += BATCH;
        latencies.push(done - sent);
      } else failures++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  agent.destroy();
  // The insights figures are added after the answer: the first read after the clients stop
  // waits for what is still pending (503s until it is done), and its CPU counts too.
  const drained = performance.now();
  while ((await fetch(`${urls[0]}/insights/report.json`)).status !== 200);
  const drainSeconds = (performance.now() - drained) / 1000;
  const collectorMs = cpu(collectors.map((c) => c.pid)) - before.collectors;
  // Backends that started during the run count from 0.
  const serverMs = serverPids().reduce((ms, pid) => ms + cpuMs(pid) - (before.server.get(pid) ?? 0), 0);
  latencies.sort((a, b) => a - b);
  const perThousand = (ms) => Number(((1000 * ms) / all).toFixed(1));
  return {
    name,
    'events/s': Math.round(events / SECONDS),
    'p50 ms/batch': Number(percentile(latencies, 50).toFixed(1)),
    'p99 ms/batch': Number(percentile(latencies, 99).toFixed(1)),
    'non-200': failures,
    'figures read after s': Number(drainSeconds.toFixed(2)),
    'collector CPU ms/1k events': perThousand(collectorMs),
    'PostgreSQL CPU ms/1k events': postgresDir ? perThousand(serverMs) : '-',
  };
}

export async function run() {
  const rows = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'tp-bench-pglite-'));
  const pg = await startPostgres({ fsync: true });
  try {
    const pglite = await startCollector({ DATABASE_URL: '' }, ['--data', dataDir]);
    rows.push(await load('PGlite, 1 process', [pglite]));
    await pglite.stop();

    const one = await startCollector({ DATABASE_URL: pg.url });
    const max = await load('PostgreSQL, 1 process', [one], undefined, pg.dataDir);
    rows.push(max);
    await one.stop();

    const three = await Promise.all([1, 2, 3].map(() => startCollector({ DATABASE_URL: pg.url })));
    const max3 = await load('PostgreSQL, 3 processes', three, undefined, pg.dataDir);
    rows.push(max3);
    const half = Math.round(Math.max(max['events/s'], max3['events/s']) / 2);
    rows.push(await load(`PostgreSQL, 3 processes, paced at ${half} events/s`, three, half, pg.dataDir));
    rows.push(await load('PostgreSQL, 3 processes, paced at 10000 events/s', three, 10_000, pg.dataDir));
    await Promise.all(three.map((c) => c.stop()));
  } finally {
    pg.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await run());
