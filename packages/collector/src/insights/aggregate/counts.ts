// The counts the insights page reads that add up event by event: events per type and
// stage, scores per survey / stage / page / day, trail markers per score, CSAT per
// channel, and per visitor the stages they reached. One statement takes rows of
// `insights_pending` and adds the events of `source` to the counts; the aggregator runs it
// over the pending events, a rebuild over them all, so both count the same way. Only
// events the store had not seen before get a pending row (the insert skips known ids),
// which is what keeps a retried batch from counting twice; an event replaced in place is
// taken away from the counts before it is marked again (replace.ts).
import { COUNT_TABLES, type CountTable, KNOWN_STAGES, STAGE_BITS } from './count-tables.js';

const cteName = (table: CountTable) => table.table.replace(/^insights_/, '');

const addTo = (table: CountTable) => `${cteName(table)} as (
  insert into ${table.table} as t (${table.keys.join(', ')}, n)
  ${table.rows}
  on conflict (${table.keys.join(', ')}) do update set n = t.n + excluded.n
  returning 1
)`;

/** The rows `src` added to `table`, under its key columns' names. */
const rowsOf = (table: CountTable) => `select * from (${table.rows}) x(${table.keys.join(', ')}, n)`;

const sameKey = (table: CountTable) => table.keys.map((k) => `t.${k} = x.${k}`).join(' and ');

/** Takes `src`'s rows away from `table`: a count that falls to zero goes, as a rebuild would not make it. */
const takeFrom = (table: CountTable) => `${cteName(table)}_rows as (${rowsOf(table)}),
${cteName(table)}_gone as (
  delete from ${table.table} t using ${cteName(table)}_rows x where ${sameKey(table)} and t.n <= x.n
),
${cteName(table)}_less as (
  update ${table.table} t set n = t.n - x.n from ${cteName(table)}_rows x where ${sameKey(table)} and t.n > x.n
)`;

/**
 * Deletes the pending rows `take` selects (a `delete from insights_pending … returning seq`,
 * named `taken`) and adds the events `source` selects (a query over `events`, which may
 * read `taken`) to the counts, in one statement and so one snapshot: a batch committed
 * while it runs is neither taken nor counted. Answers how many rows were taken, and
 * the sessions and people whose derived figures (drivers, service, ladder, retention)
 * must be worked out again (a person's key may change when a user id arrives, so both
 * the key before and after are named), with the stage globs those figures were worked
 * out with and the published configuration's `stages` (patterns.ts).
 */
export const addCountsSql = (take: string, source: string): string => `
with taken as (${take}),
src as (${source}),
counted as (
  insert into insights_event_counts as t (type, stage, n, first_ts, last_ts)
  select type, coalesce(stage, ''), count(*), min(ts), max(ts) from src group by 1, 2 order by 1, 2
  on conflict (type, stage) do update
    set n = t.n + excluded.n, first_ts = least(t.first_ts, excluded.first_ts), last_ts = greatest(t.last_ts, excluded.last_ts)
  returning 1
),
${COUNT_TABLES.map(addTo).join(',\n')},
custom as (
  insert into insights_visitor_stages (stage, anonymous_id)
  select distinct stage, anonymous_id from src where stage is not null and stage not in ${KNOWN_STAGES} order by 1, 2
  on conflict do nothing
  returning 1
),
before as (
  select v.person from insights_visitors v where v.anonymous_id = any(array(select anonymous_id from src))
),
visitors as (
  insert into insights_visitors as v (anonymous_id, user_id, person, stages, churn_at)
  select anonymous_id, max(user_id), coalesce(max(user_id), anonymous_id), coalesce(bit_or(${STAGE_BITS}), 0),
         min(ts) filter (where stage = 'churn')
    from src group by 1 order by 1
  on conflict (anonymous_id) do update
    set user_id = greatest(v.user_id, excluded.user_id),
        person = coalesce(greatest(v.user_id, excluded.user_id), v.anonymous_id),
        stages = v.stages | excluded.stages,
        churn_at = least(v.churn_at, excluded.churn_at)
  returning person
)
select (select count(*) from taken)::int as taken,
       (select coalesce(array_agg(distinct session_id), '{}') from src) as sessions,
       (select coalesce(array_agg(distinct person), '{}')
          from (select person from before union select person from visitors) p) as people,
       coalesce((select globs from insights_patterns), '[]') as globs,
       (select config->'stages' from config_versions order by number desc limit 1) as stages`;

/** Events in the figures: not set aside (skip.ts). */
const COUNTED_EVENT = 'not exists (select from insights_skipped k where k.seq = e.seq)';

/**
 * Takes one event, `$1` (its row of `events` as JSON, as it was counted), away from the
 * counts again: what addCountsSql added for it is subtracted, and a count that falls to zero
 * goes. The earliest and latest time of its type and stage are looked up again among the
 * stored events, only when it was that earliest or latest one. Run once the row is replaced
 * and marked pending (replace.ts): the lookup may then read the new version, which the
 * aggregator adds later with least() and greatest(), so reading it early changes nothing.
 * The visitors' columns are not sums: recountVisitor does those.
 */
export const RETRACT_COUNTS = `
with src as (select * from jsonb_populate_record(null::events, $1::text::jsonb)),
${COUNT_TABLES.map(takeFrom).join(',\n')},
kinds as (
  select type, coalesce(stage, '') as stage, count(*) as n, min(ts) as first_ts, max(ts) as last_ts from src group by 1, 2
),
kinds_gone as (
  delete from insights_event_counts t using kinds x where t.type = x.type and t.stage = x.stage and t.n <= x.n
)
update insights_event_counts t
   set n = t.n - x.n,
       first_ts = case when t.first_ts < x.first_ts then t.first_ts else coalesce(
         (select min(e.ts) from events e where e.type = x.type and coalesce(e.stage, '') = x.stage and ${COUNTED_EVENT}),
         t.first_ts) end,
       last_ts = case when t.last_ts > x.last_ts then t.last_ts else coalesce(
         (select max(e.ts) from events e where e.type = x.type and coalesce(e.stage, '') = x.stage and ${COUNTED_EVENT}),
         t.last_ts) end
  from kinds x
 where t.type = x.type and t.stage = x.stage and t.n > x.n`;

/**
 * Works out again the visitor `$1` (an anonymous id) from its stored events, as the
 * visitors part of addCountsSql would from all of them: their user id and person, the
 * stages they reached, their first churn event; a visitor left with no event goes, and so
 * does a custom stage none of their events is in. Answers the person keys before and after,
 * whose ladder and retention are to be worked out again.
 */
export const RECOUNT_VISITOR = `
with v as (
  select anonymous_id, max(user_id) as user_id, coalesce(max(user_id), anonymous_id) as person,
         coalesce(bit_or(${STAGE_BITS}), 0) as stages, min(ts) filter (where stage = 'churn') as churn_at
    from events src
   where src.anonymous_id = $1 and not exists (select from insights_skipped k where k.seq = src.seq)
   group by 1
),
gone as (delete from insights_visitors t where t.anonymous_id = $1 and not exists (select from v)),
custom as (
  delete from insights_visitor_stages s
   where s.anonymous_id = $1
     and not exists (select from events e where e.anonymous_id = $1 and e.stage = s.stage and ${COUNTED_EVENT})
),
now as (
  update insights_visitors t set user_id = v.user_id, person = v.person, stages = v.stages, churn_at = v.churn_at
    from v where t.anonymous_id = v.anonymous_id
  returning t.person
)
select coalesce(array_agg(distinct p.person), '{}') as people
  from (select person from insights_visitors where anonymous_id = $1 union select person from now) p`;
