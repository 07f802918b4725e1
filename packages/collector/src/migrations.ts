// The schema, as versioned migrations: one list for PGlite and PostgreSQL, applied at
// start in one transaction under an advisory lock, so several collectors starting
// together apply each migration once and none reads a half-made schema.
import type { Database } from './database.js';
import {
  INSIGHTS_SCHEMA,
  PENDING_SCHEMA,
  REBUILD_ASKED_SCHEMA,
  SKIPPED_SCHEMA,
} from './insights/aggregate/schema.js';

/**
 * Schema changes, applied once each, in order; append, never edit an applied one.
 * `events.event` keeps each event exactly as received, so a column added later can be
 * filled from it; the other columns are what queries filter and group by.
 */
export const MIGRATIONS: readonly string[] = [
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
  // 2: the editor's configuration (admin/versions.ts). Published versions are immutable (a
  // trigger refuses update and delete); the draft is one row whose revision each save bumps,
  // so a save made from a stale form is detected. `json`, not `jsonb`, keeps the file as written.
  `create table config_versions (
     number int primary key,
     created_at timestamptz not null default now(),
     author text not null,
     note text not null default '',
     config json not null,
     config_hash text not null,
     restored_from int
   );
   create function config_versions_immutable() returns trigger language plpgsql as $$ begin raise exception 'configuration versions are immutable'; end $$;
   create trigger config_versions_immutable before update or delete on config_versions
     for each row execute function config_versions_immutable();
   create table config_draft (
     id int primary key default 1 check (id = 1),
     revision int not null,
     config json not null,
     updated_at timestamptz not null default now(),
     updated_by text not null
   );`,
  // 3: the insights aggregates, kept at ingest so the page reads counts, not every event;
  // built from the events already stored at the next start (insights/aggregate/).
  INSIGHTS_SCHEMA,
  // 4: the events not yet in the aggregates: ingest marks them, the aggregator adds them
  // after the answer (insights/aggregate/fold.ts).
  PENDING_SCHEMA,
  // 5: each rebuild request numbered, so a rebuild ends only the one it started from.
  REBUILD_ASKED_SCHEMA,
  // 6: the events the aggregator set aside because adding them failed (fold.ts).
  SKIPPED_SCHEMA,
];

/** The advisory lock's key: any constant shared by every collector of one database. */
export const MIGRATION_LOCK = 7_270_017;

/**
 * Applies the migrations not applied yet. The transaction-scoped advisory lock makes a
 * second collector wait for the first one's commit, then find nothing left to do.
 *
 * @returns the schema version now in place.
 */
export async function migrate(db: Database, migrations: readonly string[] = MIGRATIONS): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())',
    );
    const { rows } = await tx.query<{ version: number }>(
      'select coalesce(max(version), 0)::int as version from schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    for (let version = current + 1; version <= migrations.length; version++) {
      for (const statement of splitStatements(migrations[version - 1] as string)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version) values ($1)', [version]);
    }
    return Math.max(current, migrations.length);
  });
}

/**
 * A migration's statements, one by one: a parameterized query (the extended protocol) takes
 * one statement at a time. Statements end with `;` at the end of a line; `--` comments go.
 */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((statement) =>
      statement
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter(Boolean);
}
