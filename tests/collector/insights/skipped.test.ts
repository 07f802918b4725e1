import { eventError, type WireEvent } from '../../../packages/collector/src/batch.js';
import type { Database } from '../../../packages/collector/src/database.js';
import { parseCommentView } from '../../../packages/collector/src/insights/filters.js';
import { renderPage } from '../../../packages/collector/src/insights/page.js';
import { buildReport } from '../../../packages/collector/src/insights/report.js';
import { migrate } from '../../../packages/collector/src/migrations.js';
import { createEventStore, openEventStore } from '../../../packages/collector/src/store.js';
import { type Backend, backends } from '../support/fresh-database.js';
import { answer, batch, noise, poisoned, seqOf, skipped, totals } from '../support/poisoned.js';
import { wireEvent } from '../support/serve.js';

// One stored event the counting cannot add (insights/aggregate/fold.ts) must not stop the
// figures: the other events of its chunk are added, it is set aside (insights_skipped)
// and named in the log, and later runs go on. skipped-rebuild.test.ts: rebuilds.

describe.each(backends)('an event the figures cannot count, on $name', (backend) => {
  let server: Backend;
  beforeAll(async () => {
    server = await backend.start();
  }, 120_000);
  afterAll(() => server?.stop());

  it('sets aside only that event of its chunk, names it in the log, and later runs go on', async () => {
    const fresh = await server.fresh();
    const logs: string[] = [];
    const store = await openEventStore(fresh.database, { log: (m) => logs.push(m) });
    try {
      const bad = poisoned();
      // Ingest accepts it: every field is within the wire format's bounds.
      expect(eventError(JSON.parse(JSON.stringify(bad)))).toBeUndefined();
      const events = [...Array.from({ length: 5 }, (_, i) => answer(i)), bad];
      events.push(...Array.from({ length: 5 }, (_, i) => answer(10 + i)));
      expect(await store.insert(batch(events), 'application/json')).toEqual({ stored: 11, duplicates: 0 });
      const report = await buildReport(store, parseCommentView(new URLSearchParams()));
      expect(report.totals).toMatchObject({ events: 10, answers: 10, pending: 0, skipped: 1 });
      expect(report.overall.nps.n).toBe(10);
      expect(renderPage(report)).toContain('1 event could not be added to these figures');
      const seq = await seqOf(store, bad.id);
      expect(await skipped(store)).toEqual([{ seq, error: expect.stringContaining('index row size') }]);
      const named = logs.filter((line) => line.includes(`event ${seq} `));
      expect(named).toHaveLength(1);
      expect(named[0]).toContain('index row size');
      // Later runs make progress, and the event stays stored.
      await store.insert(batch([answer(20), answer(21)]), 'application/json');
      expect(await totals(store)).toMatchObject({ events: 12, answers: 12, pending: 0, skipped: 1 });
      expect((await store.stats()).events).toBe(13);
    } finally {
      await store.close();
      fresh.remove();
    }
  }, 120_000);

  it('keeps counting the rest of a session one of whose answers was set aside', async () => {
    const fresh = await server.fresh();
    const store = await openEventStore(fresh.database, { log: () => {} });
    try {
      // The trail's page outgrows the index of the drivers' steps: the session's figures fail.
      const trail = [{ type: 'page', path: `/${noise(1000)}` }];
      const bad = answer(7, { props: { surveyId: 'nps-survey', metric: 'nps', score: 9, trail } });
      await store.insert(batch([answer(1), bad, answer(2)]), 'application/json');
      expect(await totals(store)).toMatchObject({ answers: 2, pending: 0, skipped: 1 });
      // Later events of that session are worked out without it, so they are added.
      const page = wireEvent({
        type: 'page',
        name: undefined,
        anonymousId: 'anon-7',
        sessionId: 'session-7',
      });
      await store.insert(
        batch([page as unknown as WireEvent, answer(7, { ts: Date.now() + 1 })]),
        'application/json',
      );
      expect(await totals(store)).toMatchObject({ events: 4, answers: 3, pending: 0, skipped: 1 });
      expect(await skipped(store)).toEqual([{ seq: await seqOf(store, bad.id), error: expect.any(String) }]);
    } finally {
      await store.close();
      fresh.remove();
    }
  }, 120_000);

  it('adds a chunk in one statement when nothing fails, and sets nothing aside on a timeout', async () => {
    const fresh = await server.fresh();
    const db: Database = await fresh.raw();
    await migrate(db);
    const statements: string[] = [];
    let timeout = false;
    const watched: Database = {
      ...db,
      query: db.query.bind(db),
      transaction: (work) =>
        db.transaction((tx) =>
          work({
            query(text, params, name) {
              statements.push(text);
              if (timeout && text.includes('insights_event_counts')) {
                const error = new Error('canceling statement due to statement timeout');
                return Promise.reject(Object.assign(error, { code: '57014' }));
              }
              return tx.query(text, params, name);
            },
          }),
        ),
    };
    const store = createEventStore(watched, 10_000, () => {});
    try {
      await store.insert(batch([answer(1), answer(2), answer(3)]), 'application/json');
      await store.catchUpInsights();
      expect(statements.filter((s) => s.includes('insights_event_counts'))).toHaveLength(1);
      expect(statements.filter((s) => /savepoint/i.test(s))).toEqual([]);
      // A statement cancelled by its time limit says nothing about the events: they wait.
      timeout = true;
      await store.insert(batch([answer(4), answer(5)]), 'application/json');
      await expect(store.catchUpInsights()).rejects.toThrow('statement timeout');
      expect(await skipped(store)).toEqual([]);
      timeout = false;
      await store.catchUpInsights();
      expect(await totals(store)).toMatchObject({ answers: 5, pending: 0, skipped: 0 });
    } finally {
      await store.close();
      fresh.remove();
    }
  }, 120_000);
});
