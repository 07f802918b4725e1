import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../packages/collector/src/database.js';
import { rebuildIfAsked } from '../../packages/collector/src/insights/aggregate/maintain.js';
import { MIGRATIONS, migrate } from '../../packages/collector/src/migrations.js';
import { openPglite } from '../../packages/collector/src/pglite.js';
import { createEventStore, openEventStore } from '../../packages/collector/src/store.js';
import { freshDataDir } from '../demo/data-dir.js';
import { answerAfter, deferred, patternSteps, publish } from './support/pattern-steps.js';

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tp-db-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('openEventStore', () => {
  it('moves a half-made database (an interrupted first start) aside, says so, and starts afresh', async () => {
    mkdirSync(join(dataDir, 'pg'));
    writeFileSync(join(dataDir, 'pg', 'PG_VERSION'), '17\n');
    const log = vi.fn();
    const store = await openEventStore(dataDir, { log });
    try {
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/^\[touchpoint\] .*pg was incomplete/));
      const aside = readdirSync(dataDir).filter((name) => name.startsWith('pg.incomplete-'));
      expect(aside).toHaveLength(1);
      expect(existsSync(join(dataDir, 'pg', 'global', 'pg_control'))).toBe(true);
      expect((await store.stats()).events).toBe(0);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('applies the schema once: a reopened store keeps its migrations and rows', async () => {
    const data = await freshDataDir();
    rmSync(dataDir, { recursive: true, force: true });
    dataDir = data.dir;
    const store = await openEventStore(dataDir);
    const event = {
      id: 'e-1',
      type: 'page',
      ts: 1,
      anonymousId: 'a',
      sessionId: 's',
      page: { url: 'http://127.0.0.1/', path: '/' },
    };
    await store.insert({ sentAt: 1, events: [event], dropped: 0, rejected: 0 }, 'application/json');
    await store.close();
    const again = await openEventStore(dataDir);
    try {
      const { rows } = await again.query<{ version: number }>('select version from schema_migrations');
      // Each migration once, in order: [1, 2, …] as many as there are.
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
      expect(await again.recent()).toEqual([event]);
    } finally {
      await again.close();
    }
  }, 120_000);
});

describe('createEventStore', () => {
  it('works the steps out again for a publish noticed as the last refresh of them ends', async () => {
    const data = await freshDataDir();
    const db = await openPglite(data.dir, () => {});
    try {
      await migrate(db);
      await rebuildIfAsked(db, () => {});
      const noticed = deferred();
      let lastLook: (() => Promise<void>) | undefined = async () => {
        await publish(db, '/help/*');
        await answerAfter(db, 's2', '/help/faq');
        await store.catchUpInsights();
        noticed.resolve();
      };
      const watched: Database = {
        ...db,
        // The refresh's last look found no request: right then, a publish is noticed.
        async query(text, params, name) {
          const result = await db.query(text, params, name);
          const look = lastLook;
          if (look && text.startsWith('select sessions_only') && result.rows.length === 0) {
            lastLook = undefined;
            await look();
          }
          return result as never;
        },
        close: async () => {},
      };
      const store = createEventStore(watched, 5000, () => {});
      await publish(db, '/help/faq');
      await answerAfter(db, 's1', '/help/faq');
      await store.catchUpInsights();
      await noticed.promise;
      await store.close();
      expect((await db.query('select 1 from insights_rebuild')).rows).toEqual([]);
      expect(await patternSteps(db)).toEqual([['/help/*', 2]]);
    } finally {
      await db.close();
      data.remove();
    }
  }, 60_000);
});
