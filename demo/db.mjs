// The collector's storage: the only file that knows the database and its schema.
// PGlite is Postgres compiled to WebAssembly: an embedded database with a data directory
// on disk and its write-ahead log, no server and no native build. Real SQL matters here
// because per-stage NPS / CSAT / CES are computed from these tables with SQL.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './lock.mjs';

/**
 * Schema changes, applied once each, in order; append, never edit an applied one.
 * `events.event` keeps each event exactly as received, so a column added later can be
 * filled from it; the other columns are what queries filter and group by.
 */
const MIGRATIONS = [
  `create table batches (
     id bigint generated always as identity primary key,
     received_at timestamptz not null default now(),
     sent_at bigint not null,
     content_type text not null,
     events int not null,
     stored int not null default 0,
     duplicates int not null default 0,
     rejected int not null,
     dropped int not null
   );
   create table events (
     seq bigint generated always as identity unique,
     id text primary key,
     type text not null,
     name text,
     stage text,
     ts bigint not null,
     anonymous_id text not null,
     session_id text not null,
     user_id text,
     path text not null,
     props jsonb not null default '{}',
     event jsonb not null,
     batch_id bigint not null references batches (id),
     received_at timestamptz not null default now()
   );
   create index events_type_stage on events (type, stage);
   create index events_session on events (session_id, ts);
   -- One row per score given: the input of NPS / CSAT / CES per stage and per survey.
   create view survey_scores as
     select id, props->>'surveyId' as survey_id, props->>'metric' as metric,
            (props->>'score')::double precision as score, stage, ts, anonymous_id, session_id, path
       from events
      where type = 'survey_answered' and jsonb_typeof(props->'score') = 'number';`,
];

/** A data directory is whole once Postgres wrote its version file and control file. */
const isComplete = (dir) =>
  existsSync(join(dir, 'PG_VERSION')) && existsSync(join(dir, 'global', 'pg_control'));

/**
 * Opens (creating on first use) the Postgres data directory `dataDir/pg`. A first start
 * builds it in a side directory and renames it into place, so a start interrupted during
 * initdb never leaves a half-made directory that the next start would abort on.
 */
async function openPostgres(dataDir, log) {
  const dir = join(dataDir, 'pg');
  if (existsSync(dir) && !isComplete(dir)) {
    const aside = `${dir}.incomplete-${Date.now()}`;
    renameSync(dir, aside);
    log(`[touchpoint demo] ${dir} was incomplete (interrupted first start?); moved it to ${aside}`);
  }
  if (!existsSync(dir)) {
    const building = `${dir}.init-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    await (await PGlite.create(building)).close();
    renameSync(building, dir);
  }
  return PGlite.create(dir);
}

async function migrate(pg) {
  await pg.exec(
    'create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())',
  );
  const { rows } = await pg.query('select coalesce(max(version), 0)::int as version from schema_migrations');
  for (let version = rows[0].version + 1; version <= MIGRATIONS.length; version++) {
    await pg.transaction(async (tx) => {
      await tx.exec(MIGRATIONS[version - 1]);
      await tx.query('insert into schema_migrations (version) values ($1)', [version]);
    });
  }
}

/** The columns of `events` filled from each event; the rest of the event stays in `event`. */
const INSERT_EVENTS = `
  insert into events (id, type, name, stage, ts, anonymous_id, session_id, user_id, path, props, event, batch_id)
  select e->>'id', e->>'type', e->>'name', e->>'stage', round((e->>'ts')::numeric)::bigint,
         e->>'anonymousId', e->>'sessionId', e->>'userId', e->'page'->>'path',
         coalesce(e->'props', '{}'), e, $2::bigint
    from jsonb_array_elements($1::text::jsonb) with ordinality as t(e, n)
   order by n
  on conflict (id) do nothing
  returning id`;

/**
 * Opens the event store in `dataDir`, taking its lock.
 *
 * @param {string} dataDir
 * @param {{ log?: (message: string) => void }} [options]
 */
export async function openEventStore(dataDir, { log = console.warn } = {}) {
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  let pg;
  try {
    pg = await openPostgres(dataDir, log);
    await migrate(pg);
  } catch (error) {
    await pg?.close().catch(() => {});
    release();
    throw error;
  }

  return {
    /**
     * Stores a validated batch in one transaction: every event or none. Events already
     * stored (a client's retry, at-least-once delivery) are counted as duplicates.
     */
    async insert({ sentAt, events, dropped, rejected }, contentType) {
      // A repeated id inside one batch counts as a duplicate too, like one across batches;
      // its first copy is kept, as across batches.
      const seen = new Set();
      const unique = events.filter((e) => !seen.has(e.id) && seen.add(e.id));
      return pg.transaction(async (tx) => {
        const batch = await tx.query(
          `insert into batches (sent_at, content_type, events, rejected, dropped)
           values ($1, $2, $3, $4, $5) returning id`,
          [Math.round(sentAt), contentType, events.length + rejected, rejected, dropped],
        );
        const batchId = batch.rows[0].id;
        const inserted = await tx.query(INSERT_EVENTS, [JSON.stringify(unique), batchId]);
        const stored = inserted.rows.length;
        const duplicates = events.length - stored;
        await tx.query('update batches set stored = $1, duplicates = $2 where id = $3', [
          stored,
          duplicates,
          batchId,
        ]);
        return { stored, duplicates };
      });
    },

    /** Counts for people and tests: totals, and events by type and by stage. */
    async stats() {
      const totals = await pg.query(`
        select (select count(*) from events)::int as events,
               count(*)::int as batches,
               coalesce(sum(duplicates), 0)::int as duplicates,
               coalesce(sum(rejected), 0)::int as rejected,
               coalesce(sum(dropped), 0)::int as dropped
          from batches`);
      const byType = await pg.query('select type as key, count(*)::int as n from events group by type');
      const byStage = await pg.query(
        `select coalesce(stage, '(none)') as key, count(*)::int as n from events group by 1`,
      );
      const toObject = (rows) => Object.fromEntries(rows.map((r) => [r.key, r.n]));
      return { ...totals.rows[0], byType: toObject(byType.rows), byStage: toObject(byStage.rows) };
    },

    /** The most recent events as received, newest first; `type` narrows them. */
    async recent({ limit = 50, type } = {}) {
      const { rows } = await pg.query(
        `select event from events where ($2::text is null or type = $2) order by seq desc limit $1`,
        [limit, type ?? null],
      );
      return rows.map((r) => r.event);
    },

    /** Runs SQL against the store (the README's queries; later, the reports). */
    query: (sql, params) => pg.query(sql, params),

    async close() {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
