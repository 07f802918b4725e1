import type { WireEvent } from '../../../packages/collector/src/batch.js';
import type { Database } from '../../../packages/collector/src/database.js';
import { foldPending } from '../../../packages/collector/src/insights/aggregate/fold.js';
import {
  AGGREGATES_LOCK,
  rebuildAggregates,
  rebuildIfAsked,
} from '../../../packages/collector/src/insights/aggregate/maintain.js';
import { stepCounts } from '../../../packages/collector/src/insights/queries.js';
import { migrate } from '../../../packages/collector/src/migrations.js';
import { openPostgres } from '../../../packages/collector/src/postgres.js';
import { storeBatch } from '../../../packages/collector/src/store-batch.js';
import { startPostgres, type TestPostgres } from '../support/postgres.mjs';

// Rebuilds of the insights figures (insights/aggregate/maintain.ts) beside the aggregator's
// runs (fold.ts), driven step by step through the functions, without a store's background
// runs, so each interleaving is the one the test names.

let number = 0;
/** Publishes a configuration whose stage globs are `globs`. */
const publish = (db: Database, ...globs: string[]) =>
  db.query(`insert into config_versions (number, author, config, config_hash) values ($1, 'test', $2, 'h')`, [
    ++number,
    JSON.stringify({ version: 1, stages: Object.fromEntries(globs.map((g) => [g, 'service'])), surveys: [] }),
  ]);

let seq = 0;
/** Stores one answer of session `session` whose trail went through `path`. */
const answerAfter = (db: Database, session: string, path: string) =>
  storeBatch(
    db,
    {
      sentAt: Date.now(),
      events: [
        {
          id: `m${++seq}`,
          type: 'survey_answered',
          ts: Date.UTC(2026, 2, 1) + seq * 60_000,
          anonymousId: session,
          sessionId: session,
          page: { url: 'https://shop.example/done', path: '/done' },
          props: { surveyId: 'nps', metric: 'nps', score: 3, trail: [{ type: 'page', path }] },
        } as unknown as WireEvent,
      ],
      dropped: 0,
      rejected: 0,
    },
    'application/json',
  );

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const patternSteps = async (db: Database) =>
  (await stepCounts(db)).filter((c) => c.kind === 'pattern').map(({ step, n }) => [step, n]);

describe('a rebuild beside a run of the aggregator on PostgreSQL', () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 120_000);
  afterAll(() => pg?.destroy());

  const open = () => openPostgres({ url: pg.url, poolSize: 4, queryTimeoutMs: 20_000, log: () => {} });
  const lockWaiters = async (db: Database) =>
    (
      await db.query<{ n: number }>(
        `select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = $1 and not granted`,
        [AGGREGATES_LOCK],
      )
    ).rows[0]?.n;

  it('never deadlocks: both take the advisory lock before the rebuild request', async () => {
    const [folding, rebuilding, holder] = [open(), open(), open()];
    try {
      await migrate(holder);
      await rebuildIfAsked(holder, () => {});
      for (let round = 1; round <= 10; round++) {
        // Each round's run finds new globs, so it asks for the steps to be worked out again.
        await publish(holder, `/round-${round}/**`);
        await answerAfter(holder, `r${round}`, `/round-${round}/page`);
        // A third connection holds the lock while the run, then the rebuild, queue for it:
        // the run gets it first and the rebuild has done all it does before its lock.
        const locked = deferred();
        const release = deferred();
        const held = holder.transaction(async (tx) => {
          await tx.query('select pg_advisory_xact_lock($1)', [AGGREGATES_LOCK]);
          locked.resolve();
          await release.promise;
        });
        await locked.promise;
        const fold = foldPending(folding, true);
        await vi.waitFor(async () => expect(await lockWaiters(holder)).toBe(1), { interval: 5 });
        const rebuild = rebuildAggregates(rebuilding);
        await vi.waitFor(async () => expect(await lockWaiters(holder)).toBe(2), { interval: 5 });
        release.resolve();
        await held;
        const [folded] = await Promise.all([fold, rebuild]);
        expect(folded.rebuild).toBe(true);
      }
      expect(await patternSteps(holder)).toEqual([['/round-10/**', 1]]);
    } finally {
      await Promise.all([folding.close(), rebuilding.close(), holder.close()]);
    }
  }, 120_000);
});
