import { openEventStore } from '../../../packages/collector/src/store.js';
import { type Backend, backends } from '../support/fresh-database.js';
import { answer, batch, poisoned, seqOf, skipped, totals } from '../support/poisoned.js';

// Rebuilds of the insights figures (insights/aggregate/maintain.ts) over events the
// counting cannot add: they try the events set aside again, and an event that makes the
// rebuild fail is set aside instead of stopping it, or the collector's start.

describe.each(backends)('a rebuild over events the figures cannot count, on $name', (backend) => {
  let server: Backend;
  beforeAll(async () => {
    server = await backend.start();
  }, 120_000);
  afterAll(() => server?.stop());

  it('has a rebuild try the set-aside events again: set aside again while they fail, counted once fixed', async () => {
    const fresh = await server.fresh();
    const store = await openEventStore(fresh.database, { log: () => {} });
    try {
      const bad = poisoned();
      await store.insert(batch([answer(1), bad, answer(2)]), 'application/json');
      expect(await totals(store)).toMatchObject({ answers: 2, skipped: 1 });
      await store.rebuildInsights();
      expect(await totals(store)).toMatchObject({ answers: 2, pending: 0, skipped: 1 });
      expect(await skipped(store)).toEqual([{ seq: await seqOf(store, bad.id), error: expect.any(String) }]);
      // An operator shortens the page: the next rebuild counts it.
      await store.query(`update events set path = '/help/long' where id = $1`, [bad.id]);
      await store.rebuildInsights();
      expect(await totals(store)).toMatchObject({ events: 3, answers: 3, pending: 0, skipped: 0 });
      expect(await skipped(store)).toEqual([]);
    } finally {
      await store.close();
      fresh.remove();
    }
  }, 120_000);

  it('survives events a bulk load wrote past ingest, counted by the aggregator or by a rebuild', async () => {
    const fresh = await server.fresh();
    const store = await openEventStore(fresh.database, { log: () => {} });
    try {
      await store.insert(batch([answer(1)]), 'application/json');
      await store.query(
        `insert into batches (sent_at, content_type, events, rejected, dropped) values (0, 'bulk', 3, 0, 0)`,
      );
      // A time past PostgreSQL's timestamps, a score past double precision, and a good answer.
      await store.query(`
        with b as (select max(id) as id from batches),
        stored as (
          insert into events (id, type, stage, ts, anonymous_id, session_id, path, props, event, batch_id)
          select 'bulk-' || n, 'survey_answered', 'use', ts, 'anon-bulk-' || n, 'session-bulk-' || n, '/help',
                 props::jsonb, '{}', (select id from b)
            from (values (1, 9000000000000000000, '{"surveyId":"s","metric":"nps","score":9}'),
                         (2, 1700000000000, '{"surveyId":"s","metric":"nps","score":1e400}'),
                         (3, 1700000000000, '{"surveyId":"s","metric":"nps","score":7}')) v(n, ts, props)
          returning seq)
        insert into insights_pending select seq from stored`);
      expect(await totals(store)).toMatchObject({ events: 2, answers: 2, pending: 0, skipped: 2 });
      await store.rebuildInsights();
      expect(await totals(store)).toMatchObject({ events: 2, answers: 2, pending: 0, skipped: 2 });
      const ids = await store.query<{ id: string }>(
        'select e.id from insights_skipped k join events e using (seq) order by e.id',
      );
      expect(ids.rows.map((r) => r.id)).toEqual(['bulk-1', 'bulk-2']);
    } finally {
      await store.close();
      fresh.remove();
    }
  }, 120_000);

  it('starts a collector whose rebuild at start meets an event it cannot count', async () => {
    const fresh = await server.fresh();
    const first = await openEventStore(fresh.database, { log: () => {} });
    const bad = poisoned();
    try {
      await first.insert(batch([answer(1), bad, answer(2)]), 'application/json');
      await first.catchUpInsights();
      // As after an upgrade that adds figures: a rebuild is asked for at the next start.
      await first.query('insert into insights_rebuild default values');
    } finally {
      await first.close();
    }
    const logs: string[] = [];
    const store = await openEventStore(fresh.database, { log: (m) => logs.push(m) });
    try {
      expect(await totals(store)).toMatchObject({ events: 2, answers: 2, pending: 0, skipped: 1 });
      expect(logs.filter((line) => line.includes('not rebuilt in one go'))).toHaveLength(1);
      const seq = await seqOf(store, bad.id);
      expect(logs.filter((line) => line.includes(`event ${seq} `))).toHaveLength(1);
    } finally {
      await store.close();
      fresh.remove();
    }
  }, 120_000);
});
