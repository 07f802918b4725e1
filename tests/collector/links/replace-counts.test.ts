import type { WireEvent } from '../../../packages/collector/src/batch.js';
import type { Database, Queryable } from '../../../packages/collector/src/database.js';
import { AGGREGATE_TABLES } from '../../../packages/collector/src/insights/aggregate/maintain.js';
import { parseCommentView } from '../../../packages/collector/src/insights/filters.js';
import { buildReport } from '../../../packages/collector/src/insights/report.js';
import { answerEvent, type LinkAnswer } from '../../../packages/collector/src/links/answer-event.js';
import type { LinkParams } from '../../../packages/collector/src/links/link-params.js';
import { saveAnswer } from '../../../packages/collector/src/links/save-answer.js';
import { migrate } from '../../../packages/collector/src/migrations.js';
import { createEventStore, type EventStore } from '../../../packages/collector/src/store.js';
import { type Backend, backends } from '../support/fresh-database.js';
import { answer, batch, noise } from '../support/poisoned.js';

// A link survey keeps one answer per (survey, ref, u): a later answer replaces the stored
// one (links/save-answer.ts). The insights figures must then count the new score once and
// the old one no more, whatever the aggregator was doing, and a rebuild of the figures
// from the events must find the same.

const SURVEY = { id: 'support-nps', metric: 'nps' as const };
const T0 = Date.UTC(2026, 5, 1, 12);

let refs = 0;
const newLink = (): LinkParams => ({ surveyId: SURVEY.id, ref: `R-${++refs}`, u: `u-${refs}`, ch: 'email' });
const linkAnswer = (params: LinkParams, given: LinkAnswer, at: number): WireEvent =>
  answerEvent(SURVEY, params, given, 'https://collect.example/s/support-nps', at);
const scored = (score: number): LinkAnswer => ({ type: 'survey_answered', score });

const figures = async (store: EventStore) => {
  const report = await buildReport(store, parseCommentView(new URLSearchParams()));
  const { n, value } = report.overall.nps;
  return { answers: report.totals.answers, n, nps: value };
};

const snapshot = async (store: EventStore) => {
  await store.catchUpInsights();
  const tables: Record<string, string[]> = {};
  for (const table of AGGREGATE_TABLES) {
    const { rows } = await store.query<{ row: string }>(
      // The time a row was set aside is not a figure.
      `select (to_jsonb(t) - 'at')::text as row from ${table} t order by 1`,
    );
    tables[table] = rows.map((r) => r.row);
  }
  return tables;
};

/** A resolvable promise. */
function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * `db` whose next aggregator transaction stops right after its counting statement (it has
 * taken the pending events and counted them, not committed) until `release` resolves.
 */
function holdingFold(db: Database) {
  const counted = deferred();
  const release = deferred();
  let armed = false;
  const held: Database = {
    query: (text, params, name) => db.query(text, params, name),
    close: () => db.close(),
    transaction: (work) =>
      db.transaction((tx) => {
        const gated: Queryable = {
          async query<Row>(text: string, params?: unknown[], name?: string) {
            const result = await tx.query<Row>(text, params, name);
            if (armed && text.includes('with taken as')) {
              armed = false;
              counted.resolve();
              await release.promise;
            }
            return result;
          },
        };
        return work(gated);
      }),
  };
  return {
    held,
    arm() {
      armed = true;
    },
    counted: counted.promise,
    release: release.resolve,
  };
}

describe.each(backends)('a replaced link answer in the insights figures, on $name', (backend) => {
  let server: Backend;
  beforeAll(async () => {
    server = await backend.start();
  }, 120_000);
  afterAll(() => server?.stop());

  const open = async () => {
    const fresh = await server.fresh();
    const db = await fresh.raw();
    await migrate(db);
    const hold = holdingFold(db);
    const store = createEventStore(hold.held, 10_000, () => {}, 10_000);
    return {
      store,
      db,
      hold,
      async close() {
        await store.close();
        fresh.remove();
      },
    };
  };

  it('counts the new score once: 0 replaced by 10 is NPS +100 from one answer', async () => {
    const { store, close } = await open();
    try {
      const link = newLink();
      expect(await saveAnswer(store, linkAnswer(link, scored(0), T0))).toBe('stored');
      expect(await figures(store)).toEqual({ answers: 1, n: 1, nps: -100 });
      expect(await saveAnswer(store, linkAnswer(link, scored(10), T0 + 60_000))).toBe('replaced');
      expect(await figures(store)).toEqual({ answers: 1, n: 1, nps: 100 });
    } finally {
      await close();
    }
  }, 30_000);

  it('counts only the last of several replacements, also when one was never counted', async () => {
    const { store, close } = await open();
    try {
      const link = newLink();
      await saveAnswer(store, linkAnswer(link, scored(0), T0));
      await store.catchUpInsights();
      await saveAnswer(store, linkAnswer(link, scored(10), T0 + 1000));
      // Replaced again before the aggregator added the previous replacement.
      await saveAnswer(store, linkAnswer(link, scored(8), T0 + 2000));
      expect(await figures(store)).toEqual({ answers: 1, n: 1, nps: 0 });
      await saveAnswer(store, linkAnswer(link, scored(9), T0 + 3000));
      expect(await figures(store)).toEqual({ answers: 1, n: 1, nps: 100 });
    } finally {
      await close();
    }
  }, 30_000);

  it('counts the new score once when the answer is replaced while the aggregator is adding the old one', async () => {
    const { store, db, hold, close } = await open();
    try {
      const link = newLink();
      await saveAnswer(store, linkAnswer(link, scored(0), T0));
      hold.arm();
      const folding = store.catchUpInsights();
      await hold.counted;
      // The aggregator has counted the 0 and not committed: the replacement comes now.
      let replaced = false;
      const replacing = saveAnswer(store, linkAnswer(link, scored(10), T0 + 1000)).then((saved) => {
        replaced = true;
        return saved;
      });
      // Let the replacement go as far as it can before the aggregator commits: on
      // PostgreSQL until it waits for a lock (or is done), on PGlite (one connection) a few turns.
      for (let turn = 0; turn < 1000 && !replaced; turn++) {
        await new Promise((resolve) => setImmediate(resolve));
        if (backend.name !== 'PostgreSQL') continue;
        const { rows } = await db.query<{ n: number }>(
          'select count(*)::int as n from pg_locks where not granted',
        );
        if (rows[0]?.n) break;
      }
      // It waits for the aggregator: deciding now whether the 0 was counted would be a guess.
      expect(replaced).toBe(false);
      hold.release();
      await folding;
      expect(await replacing).toBe('replaced');
      expect(await figures(store)).toEqual({ answers: 1, n: 1, nps: 100 });
    } finally {
      await close();
    }
  }, 30_000);

  it.runIf(backend.name === 'PostgreSQL')(
    'counts one answer when two collectors replace it at the same time, each folding as it goes',
    async () => {
      const fresh = await server.fresh();
      const db = await fresh.raw();
      await migrate(db);
      const first = createEventStore(db, 10_000, () => {}, 10_000);
      const second = createEventStore(await fresh.raw(), 10_000, () => {}, 10_000);
      try {
        const link = newLink();
        await saveAnswer(first, linkAnswer(link, scored(0), T0));
        await first.catchUpInsights();
        // None of them a detractor: the 0 still counted would show.
        const scores = [10, 7, 9, 8, 10, 9];
        await Promise.all(
          scores.map(async (score, i) => {
            const store = i % 2 ? second : first;
            await saveAnswer(store, linkAnswer(link, scored(score), T0 + 1000 * (i + 1)));
            await store.catchUpInsights();
          }),
        );
        const { rows } = await first.query<{ score: number }>(
          `select (props->>'score')::int as score from events where id like 'link-answer-%'`,
        );
        expect(rows).toHaveLength(1);
        const kept = rows[0]?.score as number;
        const nps = kept >= 9 ? 100 : kept >= 7 ? 0 : -100;
        expect(await figures(second)).toEqual({ answers: 1, n: 1, nps });
      } finally {
        await first.close();
        await second.close();
        fresh.remove();
      }
    },
    30_000,
  );

  it('counts a replacement of an answer the aggregator set aside', async () => {
    const { store, close } = await open();
    try {
      const link = newLink();
      const first = linkAnswer(link, scored(0), T0);
      // An answer whose page the scores' index cannot hold: set aside, not counted.
      const odd = { ...first, page: { url: 'https://collect.example/', path: `/${noise(1000)}` } };
      await saveAnswer(store, odd);
      expect(await figures(store)).toEqual({ answers: 0, n: 0, nps: null });
      await saveAnswer(store, linkAnswer(link, scored(10), T0 + 1000));
      expect(await figures(store)).toEqual({ answers: 1, n: 1, nps: 100 });
      expect((await store.query('select * from insights_skipped')).rows).toEqual([]);
    } finally {
      await close();
    }
  }, 30_000);

  it('gives the same figures as a rebuild from the events after replacements', async () => {
    const { store, close } = await open();
    try {
      // Other answers around the replaced ones, so some rows keep a count and some go.
      await store.insert(
        batch([answer(1, { ts: T0 + 5000 }), answer(2, { ts: T0 + 6000, stage: 'service' })]),
        'application/json',
      );
      const a = newLink();
      const b = newLink();
      // The first answer of its type and stage: the earliest time of the counts moves on.
      await saveAnswer(store, linkAnswer(a, scored(3), T0));
      await saveAnswer(store, linkAnswer(a, { type: 'survey_comment', score: 3, comment: 'slow' }, T0));
      await saveAnswer(store, linkAnswer(b, scored(9), T0 + 100));
      await store.catchUpInsights();
      await saveAnswer(store, linkAnswer(a, scored(10), T0 + 60_000));
      await saveAnswer(
        store,
        linkAnswer(a, { type: 'survey_comment', score: 10, comment: 'fixed' }, T0 + 60_000),
      );
      await store.catchUpInsights();
      await saveAnswer(store, linkAnswer(b, scored(6), T0 + 120_000));
      const incremental = await snapshot(store);
      expect(await figures(store)).toEqual({ answers: 4, n: 4, nps: 50 });
      await store.rebuildInsights();
      expect(await snapshot(store)).toEqual(incremental);
    } finally {
      await close();
    }
  }, 30_000);
});
