import type { WireEvent } from '../../../packages/collector/src/batch.js';
import { createCollector } from '../../../packages/collector/src/collector.js';
import type { Database } from '../../../packages/collector/src/database.js';
import { parseCommentView } from '../../../packages/collector/src/insights/filters.js';
import { renderPage } from '../../../packages/collector/src/insights/page.js';
import { buildReport } from '../../../packages/collector/src/insights/report.js';
import { migrate } from '../../../packages/collector/src/migrations.js';
import { openPglite } from '../../../packages/collector/src/pglite.js';
import { openPostgres } from '../../../packages/collector/src/postgres.js';
import {
  createEventStore,
  type DatabaseOptions,
  type EventStore,
  openEventStore,
} from '../../../packages/collector/src/store.js';
import { freshDataDir } from '../../demo/data-dir.js';
import { startPostgres, type TestPostgres } from '../support/postgres.mjs';
import { post, serve, wireEvent } from '../support/serve.js';

// The insights figures are added after the answer (insights/aggregate/fold.ts): ingest
// marks its new events pending, an aggregator adds them later. What must hold whatever
// the timing: a crash between the two loses nothing, two collectors add each event once,
// and a read right after an answer shows it.

const answer = (i: number, score = 9) =>
  wireEvent({
    type: 'survey_answered',
    name: undefined,
    stage: 'use',
    anonymousId: `anon-${i}`,
    sessionId: `session-${i}`,
    props: { surveyId: 'nps-survey', metric: 'nps', score },
  }) as unknown as WireEvent;

const batch = (events: WireEvent[]) => ({ sentAt: Date.now(), events, dropped: 0, rejected: 0 });

const figures = async (store: EventStore) => {
  const report = await buildReport(store, parseCommentView(new URLSearchParams()));
  return { events: report.totals.events, answers: report.totals.answers, nps: report.overall.nps.n };
};

/** Counts of a table read past the store (its `query` would add the pending events first). */
const countOf = async (db: Database, table: string) =>
  Number((await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n);

const backends = [
  {
    name: 'PGlite',
    async open() {
      const data = await freshDataDir();
      const raw = () => openPglite(data.dir, () => {});
      return { database: { dataDir: data.dir } as DatabaseOptions, raw, cleanup: data.remove };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const server = await startPostgres();
      const raw = async () =>
        openPostgres({ url: server.url, poolSize: 4, queryTimeoutMs: 5000, log: () => {} });
      return { database: { url: server.url } as DatabaseOptions, raw, cleanup: () => server.destroy() };
    },
  },
];

describe.each(backends)('pending events on $name', (backend) => {
  let opened: Awaited<ReturnType<(typeof backends)[number]['open']>>;

  beforeAll(async () => {
    opened = await backend.open();
  }, 120_000);
  afterAll(() => opened?.cleanup());

  it('keeps the pending marks through a crash before and during aggregation, and adds them once after', async () => {
    const db = await opened.raw();
    await migrate(db);
    // The crash: every aggregator transaction ends in an error after its work, as when the
    // process dies before its commit; the database rolls it back. Ingest is one statement.
    const crash = true;
    const crashing: Database = {
      ...db,
      query: db.query.bind(db),
      transaction: (work) =>
        db.transaction(async (tx) => {
          const result = await work(tx);
          if (crash) throw new Error('killed before the commit');
          return result;
        }),
    };
    const first = createEventStore(crashing, 5000, () => {});
    const events = [answer(1, 2), answer(2, 10), answer(3, 10)];
    expect(await first.insert(batch(events), 'application/json')).toEqual({ stored: 3, duplicates: 0 });
    // Stored and answered, not yet added: the answer did not wait for the figures.
    expect(await countOf(db, 'insights_pending')).toBe(3);
    expect(await countOf(db, 'insights_scores')).toBe(0);
    await expect(first.catchUpInsights()).rejects.toThrow('killed before the commit');
    expect(await countOf(db, 'insights_pending')).toBe(3);
    expect(await countOf(db, 'insights_scores')).toBe(0);
    await first.close();

    const second = await openEventStore(opened.database, { log: () => {} });
    try {
      expect(await figures(second)).toEqual({ events: 3, answers: 3, nps: 3 });
      expect(await countOf(second as unknown as Database, 'insights_pending')).toBe(0);
      // The batch retried after the crash (its answer was lost with the process) counts once.
      expect(await second.insert(batch(events), 'application/json')).toEqual({ stored: 0, duplicates: 3 });
      expect(await figures(second)).toEqual({ events: 3, answers: 3, nps: 3 });
      await second.rebuildInsights();
      expect(await figures(second)).toEqual({ events: 3, answers: 3, nps: 3 });
    } finally {
      await second.close();
    }
  }, 120_000);

  it('counts an answer from before the earliest time PostgreSQL holds, and goes on adding the ones after it', async () => {
    const store = await openEventStore(opened.database, { log: () => {} });
    try {
      const before = await figures(store);
      // 4801 BC: the wire takes it, PostgreSQL's timestamps start in 4714 BC.
      const ancient = { ...answer(200, 5), ts: Date.UTC(-4800, 0, 1) } as WireEvent;
      await store.insert(batch([ancient]), 'application/json');
      await store.insert(batch([answer(201, 5)]), 'application/json');
      expect(await figures(store)).toEqual({
        events: before.events + 2,
        answers: before.answers + 2,
        nps: before.nps + 2,
      });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('keeps the ladder and retention on real time when one event comes from a clock decades ahead', async () => {
    const store = await openEventStore(opened.database, { log: () => {} });
    try {
      const ahead = { ...answer(400, 9), ts: Date.UTC(2099, 0, 1) } as WireEvent;
      await store.insert(batch([answer(401, 9), ahead]), 'application/json');
      const report = await buildReport(store, parseCommentView(new URLSearchParams()));
      const thisMonth = new Date().toISOString().slice(0, 7);
      expect(report.totals.last).toBe(Date.UTC(2099, 0, 1));
      expect(report.ladder.moves.filter((month) => month.to > thisMonth)).toEqual([]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('shows an answer in /insights/report.json read right after its POST', async () => {
    const collector = createCollector({ database: opened.database, log: () => {} });
    const app = await serve(collector);
    try {
      const before = await (await fetch(`${app.url}/insights/report.json`)).json();
      for (let i = 0; i < 3; i++) {
        const res = await post(app.url, { sentAt: Date.now(), events: [answer(100 + i, 0)] });
        expect(res.status).toBe(200);
        const report = await (await fetch(`${app.url}/insights/report.json`)).json();
        expect(report.totals.answers).toBe(before.totals.answers + i + 1);
        expect(report.overall.nps.low).toBe(before.overall.nps.low + i + 1);
      }
    } finally {
      await app.close();
      await collector.close();
    }
  }, 60_000);
  it('reads the figures as they stand when adding them takes longer than catchUpMs, and says how many are to come', async () => {
    const db = await opened.raw();
    await migrate(db);
    // Adding is stalled (a backlog after a burst): every aggregator transaction waits for the gate.
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const stalled: Database = {
      ...db,
      query: db.query.bind(db),
      transaction: (work) => gate.then(() => db.transaction(work)),
    };
    const store = createEventStore(stalled, 5000, () => {}, 300);
    try {
      const before = (await buildReport(db as unknown as EventStore, parseCommentView(new URLSearchParams())))
        .totals;
      await store.insert(batch([answer(300, 1), answer(301, 2)]), 'application/json');
      const started = Date.now();
      const report = await buildReport(store, parseCommentView(new URLSearchParams()));
      // One wait for the page, not one per statement.
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(report.totals.events).toBe(before.events);
      expect(report.totals.pending).toBe(before.pending + 2);
      expect(renderPage(report)).toContain(`${before.pending + 2} events stored in the last moments`);
      open();
      await store.catchUpInsights();
      const after = await buildReport(store, parseCommentView(new URLSearchParams()));
      expect(after.totals).toMatchObject({ events: before.events + 2, pending: 0 });
      expect(renderPage(after)).not.toContain('still being added');
    } finally {
      open();
      await store.close();
    }
  }, 60_000);
});

describe('two collectors on one PostgreSQL', () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 120_000);
  afterAll(() => pg?.destroy());

  it('add every event once while both store, retry and read at the same time', async () => {
    const a = await openEventStore({ url: pg.url }, { log: () => {} });
    const b = await openEventStore({ url: pg.url }, { log: () => {} });
    try {
      const events = Array.from({ length: 240 }, (_, i) => answer(i % 37, i % 11));
      const batches = Array.from({ length: 24 }, (_, i) => events.filter((_, j) => j % 24 === i));
      // Each batch goes to one collector and its retry to the other, while both read.
      await Promise.all(
        batches.flatMap((events, i) => [
          (i % 2 ? a : b).insert(batch(events), 'application/json'),
          (i % 2 ? b : a).insert(batch(events), 'application/json'),
          (i % 3 ? a : b).catchUpInsights(),
        ]),
      );
      const [fromA, fromB] = await Promise.all([figures(a), figures(b)]);
      expect(fromA).toEqual({ events: 240, answers: 240, nps: 240 });
      expect(fromB).toEqual(fromA);
      const kept = await buildReport(a, parseCommentView(new URLSearchParams()));
      await a.rebuildInsights();
      expect(await buildReport(b, parseCommentView(new URLSearchParams()))).toEqual(kept);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 120_000);

  it('shows on one collector an answer posted to the other, read right after', async () => {
    const one = createCollector({ database: { url: pg.url }, log: () => {} });
    const other = createCollector({ database: { url: pg.url }, log: () => {} });
    const [appOne, appOther] = await Promise.all([serve(one), serve(other)]);
    try {
      const before = await (await fetch(`${appOther.url}/insights/report.json`)).json();
      expect((await post(appOne.url, { sentAt: Date.now(), events: [answer(900, 1)] })).status).toBe(200);
      const after = await (await fetch(`${appOther.url}/insights/report.json`)).json();
      expect(after.totals.answers).toBe(before.totals.answers + 1);
    } finally {
      await Promise.all([appOne.close(), appOther.close()]);
      await Promise.all([one.close(), other.close()]);
    }
  }, 60_000);
});
