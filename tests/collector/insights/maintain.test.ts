import type { Database } from '../../../packages/collector/src/database.js';
import { foldPending } from '../../../packages/collector/src/insights/aggregate/fold.js';
import {
  AGGREGATES_LOCK,
  rebuildAggregates,
  rebuildIfAsked,
} from '../../../packages/collector/src/insights/aggregate/maintain.js';
import { migrate } from '../../../packages/collector/src/migrations.js';
import { openPglite } from '../../../packages/collector/src/pglite.js';
import { openPostgres } from '../../../packages/collector/src/postgres.js';
import { freshDataDir } from '../../demo/data-dir.js';
import { answerAfter, deferred, patternSteps, publish } from '../support/pattern-steps.js';
import { startPostgres, type TestPostgres } from '../support/postgres.mjs';

// Rebuilds of the insights figures (insights/aggregate/maintain.ts) beside the aggregator's
// runs (fold.ts), driven step by step through the functions, without a store's background
// runs, so each interleaving is the one the test names.

describe('a publish during a refresh of the sessions’ steps', () => {
  let data: { dir: string; remove(): void };
  let db: Database;

  beforeAll(async () => {
    data = await freshDataDir();
    db = await openPglite(data.dir, () => {});
    await migrate(db);
    await rebuildIfAsked(db, () => {});
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    data?.remove();
  });

  it('is applied: the request it makes outlives the refresh that started before it', async () => {
    await publish(db, '/help/**');
    await answerAfter(db, 's1', '/help/faq');
    await answerAfter(db, 's2', '/help/orders/7');
    await foldPending(db, true);
    await publish(db, '/help/faq');
    await answerAfter(db, 's3', '/help/faq');
    expect((await foldPending(db, true)).rebuild).toBe(true);

    // The refresh reads the globs and its sessions, then waits before its first chunk.
    const reached = deferred();
    const go = deferred();
    let first = true;
    const gated: Database = {
      ...db,
      query: db.query.bind(db),
      transaction: async (work) => {
        if (first) {
          first = false;
          reached.resolve();
          await go.promise;
        }
        return db.transaction(work);
      },
    };
    const refresh = rebuildIfAsked(gated, () => {});
    await reached.promise;
    // Meanwhile a publish changes the globs again and the aggregator notices it.
    await publish(db, '/help/*');
    await answerAfter(db, 's4', '/help/orders');
    expect((await foldPending(db, true)).rebuild).toBe(true);
    go.resolve();
    await refresh;

    expect((await db.query('select 1 from insights_rebuild')).rows).toEqual([]);
    const refreshed = await patternSteps(db);
    await rebuildAggregates(db);
    expect(refreshed).toEqual(await patternSteps(db));
    expect(refreshed).toEqual([['/help/*', 3]]);
  }, 60_000);
});

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
