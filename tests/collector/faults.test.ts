// Faults with the real adapter as the client (packages/adapter's connect, in Node with
// fake-indexeddb) and a real PostgreSQL server: a server stopped mid-stream, and a
// collector killed after its commit and before its answer. Every event ends up stored
// exactly once. Real time: the adapter's retry timers and the database are real.
import 'fake-indexeddb/auto';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { connect, type Link } from '@touchpoint/adapter';
import type { JourneyEvent } from '@touchpoint/core';
import { IDBFactory } from 'fake-indexeddb';
import { createCollector } from '../../packages/collector/src/collector.js';
import type { EventStore } from '../../packages/collector/src/store.js';
import { fakeHost, fakePage } from '../adapter/fake-host.js';
import { freePort, startPostgres, type TestPostgres } from './support/postgres.mjs';
import { serve, wireEvent } from './support/serve.js';

const BIN = fileURLToPath(new URL('../../packages/collector/bin/touchpoint-collector.mjs', import.meta.url));
const BUILT = fileURLToPath(new URL('../../packages/collector/dist/main.js', import.meta.url));

let pg: TestPostgres;
let links: Link[] = [];

beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(() => pg?.destroy());
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakePage();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  for (const link of links) link.stop();
  links = [];
  vi.unstubAllGlobals();
});

/** Polls `check` until it holds: the adapter retries on its own timers. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const countOf = async (store: EventStore, ids: string[]) => {
  const { rows } = await store.query<{ n: number; distinct: number }>(
    'select count(*)::int as n, count(distinct id)::int as distinct from events where id = any($1)',
    [ids],
  );
  return rows[0] as { n: number; distinct: number };
};

const adapter = (endpoint: string) => {
  const host = fakeHost();
  const link = connect(host, { endpoint });
  links.push(link);
  const emit = (n: number) => {
    const events = Array.from({ length: n }, () => wireEvent() as unknown as JourneyEvent);
    for (const e of events) host.emit(e);
    return events.map((e) => e.id);
  };
  return { link, emit };
};

it('keeps every event through a PostgreSQL restart: 503s while it is down, retries, each event stored once', async () => {
  const log = vi.fn();
  const collector = createCollector({
    database: { url: pg.url },
    log,
    retryAfterSeconds: 1,
    queryTimeoutMs: 2000,
  });
  const store = await collector.ready;
  const app = await serve(collector);
  try {
    const { link, emit } = adapter(`${app.url}/collect`);
    const before = emit(20);
    await link.flush();
    expect(await countOf(store, before)).toEqual({ n: 20, distinct: 20 });

    pg.stop();
    const during = emit(30);
    await link.flush();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/answered 503/));
    pg.start();
    const after = emit(10);

    const all = [...before, ...during, ...after];
    await until(async () => (await countOf(store, all)).n === all.length, 'every event stored');
    expect(await countOf(store, all)).toEqual({ n: 60, distinct: 60 });
  } finally {
    await app.close();
    await collector.close();
  }
}, 90_000);

it('de-duplicates the resend of a batch whose collector was killed after the commit and before the answer', async () => {
  if (!existsSync(BUILT))
    throw new Error('[touchpoint] packages/collector/dist is missing: run `npx pnpm@10 build` first');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [BIN, '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: pg.url, TOUCHPOINT_TEST_EXIT_AFTER_COMMIT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('collector listening')) resolve();
    });
    child.once('exit', () => reject(new Error('the collector exited before listening')));
  });

  const collector = createCollector({ database: { url: pg.url }, log: () => {} });
  const store = await collector.ready;
  const { rows } = await store.query<{ last: number }>(
    'select coalesce(max(id), 0)::int as last from batches',
  );
  const firstBatch = rows[0]?.last ?? 0;
  let app: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    const { link, emit } = adapter(`http://127.0.0.1:${port}/collect`);
    const ids = emit(20);
    await link.flush();
    expect(await exited).toBe('SIGKILL');
    // Committed, but the adapter never heard so: its events are still queued.
    expect(await countOf(store, ids)).toEqual({ n: 20, distinct: 20 });

    app = await serve(collector, port);
    const batchesOf = async () =>
      (
        await store.query<{ stored: number; duplicates: number }>(
          'select stored, duplicates from batches where id > $1 order by id',
          [firstBatch],
        )
      ).rows;
    await until(async () => (await batchesOf()).some((b) => b.duplicates === 20), 'the resend');
    expect(await countOf(store, ids)).toEqual({ n: 20, distinct: 20 });
    expect(await batchesOf()).toEqual([
      { stored: 20, duplicates: 0 },
      { stored: 0, duplicates: 20 },
    ]);
  } finally {
    child.kill('SIGKILL');
    await app?.close();
    await collector.close();
  }
}, 90_000);
