// The tables of the insights aggregates (a migration of migrations.ts). Each is small:
// rows per score, stage, step or person, never per event, so the page reads them in
// milliseconds whatever the number of answers. `insights_rebuild` holds a row while the
// aggregates must be rebuilt from the events (a new install of this migration over
// existing events, or events written by other means than the store's insert).
export const INSIGHTS_SCHEMA = `create index events_anonymous on events (anonymous_id, ts);
   create table insights_event_counts (
     type text not null, stage text not null, n bigint not null, first_ts bigint not null, last_ts bigint not null,
     primary key (type, stage)
   );
   -- config_hash: the configuration the answer was asked under ('' when it does not say).
   create table insights_scores (
     config_hash text not null, survey_id text not null, metric text not null, stage text not null,
     path text not null, day text not null, score double precision not null, n bigint not null,
     primary key (config_hash, survey_id, metric, stage, path, day, score)
   );
   create table insights_markers (
     metric text not null, marker text not null, score double precision not null, n bigint not null,
     primary key (metric, marker, score)
   );
   -- Comments (with text) per stage, metric and band, '' for none: the comment list's total.
   create table insights_comments (
     config_hash text not null, stage text not null, metric text not null, band text not null, n bigint not null,
     primary key (config_hash, stage, metric, band)
   );
   -- Answers per configuration hash they name: the version filter's choices.
   create table insights_answer_hashes (config_hash text primary key, n bigint not null);
   create index events_comments on events (ts desc, seq desc) where type = 'survey_comment';
   create table insights_channels (
     channel text not null, score double precision not null, n bigint not null, primary key (channel, score)
   );
   -- Per visitor: their person, the journey stages they reached (bits), their first churn event.
   create table insights_visitors (
     anonymous_id text primary key, user_id text, person text not null, stages int not null, churn_at bigint
   );
   create index insights_visitors_person on insights_visitors (person);
   create table insights_visitor_stages (stage text not null, anonymous_id text not null, primary key (stage, anonymous_id));
   -- Per session, as JSON text (written and read whole, never queried into): what it added to insights_steps.
   create table insights_sessions (session_id text primary key, steps text not null);
   -- Per session that entered the service stage: the facts of its visit (aggregate/service-facts.ts).
   create table insights_service (
     session_id text primary key, entered bigint not null, left_at bigint, left_name text, csat text
   );
   create table insights_service_tracks (
     session_id text not null, name text not null, at bigint not null, primary key (session_id, name)
   );
   create table insights_steps (
     metric text not null, kind text not null, step text not null, n int not null, low int not null,
     primary key (metric, kind, step)
   );
   create table insights_people (
     person text primary key, rung text not null, first_seen bigint not null, last_seen bigint not null,
     last_session bigint not null, first_nps_ts bigint, first_nps_band text
   );
   create table insights_moves (
     person text not null, "from" text not null, "to" text not null, from_rung text not null, to_rung text not null,
     primary key (person, "to")
   );
   -- The stage globs the drivers' page patterns were worked out with (aggregate/patterns.ts), as JSON.
   create table insights_patterns (id int primary key default 1 check (id = 1), globs text not null);
   insert into insights_patterns (globs) values ('[]');
   -- A row while the figures are to be built again: all of them, or only the sessions' steps.
   create table insights_rebuild (
     id int primary key default 1 check (id = 1), sessions_only boolean not null default false
   );
   insert into insights_rebuild default values;`;

/**
 * Events stored and not yet added to the aggregates, by their `events.seq`: appended in the
 * batch's transaction (an append: no row shared by batches, no lock), taken by the
 * aggregator (fold.ts) in the transaction that adds them, so a crash in between leaves them
 * for the next run.
 */
export const PENDING_SCHEMA = `create table insights_pending (seq bigint primary key);`;

/**
 * The number of a request in `insights_rebuild`, drawn from a sequence so it never repeats:
 * a rebuild ends only the request it started from (maintain.ts).
 */
export const REBUILD_ASKED_SCHEMA = `create sequence insights_rebuild_asked;
   alter table insights_rebuild add column asked bigint not null default nextval('insights_rebuild_asked');`;

/**
 * Events the aggregator could not add (an error of the database or of the figures' code
 * on that event alone): set aside so the events after them are added, named in the log,
 * left out of every figure, and tried again by the next rebuild (fold.ts, maintain.ts).
 * The events stay stored.
 */
export const SKIPPED_SCHEMA = `create table insights_skipped (
     seq bigint primary key, error text not null, at timestamptz not null default now()
   );`;
