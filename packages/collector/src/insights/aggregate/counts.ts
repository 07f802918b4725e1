// The counts the insights page reads that add up event by event: events per type and
// stage, scores per survey / stage / page / day, trail markers per score, CSAT per
// channel, and per visitor the stages they reached. One statement takes rows of
// `insights_pending` and adds the events of `source` to the counts; the aggregator runs it
// over the pending events, a rebuild over them all, so both count the same way. Only
// events the store had not seen before get a pending row (the insert skips known ids),
// which is what keeps a retried batch from counting twice.
import { STAGES } from '../metrics.js';
import { BAND_SQL, daySql } from '../sql.js';

/** The bit of each journey stage in `insights_visitors.stages`; custom stages have a table of their own. */
export const stageBit = (stage: string): number => 1 << STAGES.indexOf(stage);

const BITS = `case src.stage ${STAGES.map((s) => `when '${s}' then ${stageBit(s)}`).join(' ')} end`;
const KNOWN = `(${STAGES.map((s) => `'${s}'`).join(', ')})`;

/** An answer's score as the survey_scores view reads it: JSON numbers only. */
const SCORED = `src.type = 'survey_answered' and jsonb_typeof(src.props->'score') = 'number'`;
const SCORE = `(src.props->>'score')::double precision`;
/** The configuration an answer was asked under, '' when it does not say. */
const HASH = `coalesce(src.props->>'configHash', '')`;

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
scores as (
  insert into insights_scores as t (config_hash, survey_id, metric, stage, path, day, score, n)
  select ${HASH}, src.props->>'surveyId', src.props->>'metric', coalesce(src.stage, ''), src.path,
         ${daySql('src.ts')}, ${SCORE}, count(*)
    from src
   where ${SCORED} and src.props->>'surveyId' is not null and src.props->>'metric' is not null
   group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
  on conflict (config_hash, survey_id, metric, stage, path, day, score) do update set n = t.n + excluded.n
  returning 1
),
markers as (
  insert into insights_markers as t (metric, marker, score, n)
  select src.props->>'metric', m.marker, ${SCORE}, count(*)
    from src
   cross join lateral (
     select distinct x->>'name' as marker
       from jsonb_array_elements(
              case when jsonb_typeof(src.props->'trail') = 'array' then src.props->'trail' else '[]'::jsonb end) x
      where jsonb_typeof(x) = 'object' and x->>'type' = 'track' and x->>'name' is not null
   ) m
   where ${SCORED} and src.props->>'metric' is not null
   group by 1, 2, 3 order by 1, 2, 3
  on conflict (metric, marker, score) do update set n = t.n + excluded.n
  returning 1
),
channels as (
  insert into insights_channels as t (channel, score, n)
  select coalesce(src.props->>'channel', 'web'), ${SCORE}, count(*)
    from src
   where ${SCORED} and src.props->>'metric' = 'csat'
   group by 1, 2 order by 1, 2
  on conflict (channel, score) do update set n = t.n + excluded.n
  returning 1
),
comments as (
  insert into insights_comments as t (config_hash, stage, metric, band, n)
  select coalesce(c.props->>'configHash', ''), coalesce(c.stage, ''), coalesce(c.props->>'metric', ''),
         coalesce(${BAND_SQL}, ''), count(*)
    from src c
   where c.type = 'survey_comment' and jsonb_typeof(c.props->'comment') = 'string'
   group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (config_hash, stage, metric, band) do update set n = t.n + excluded.n
  returning 1
),
hashes as (
  insert into insights_answer_hashes as t (config_hash, n)
  select src.props->>'configHash', count(*) from src
   where src.type = 'survey_answered' and src.props ? 'configHash' and src.props->>'configHash' is not null
   group by 1 order by 1
  on conflict (config_hash) do update set n = t.n + excluded.n
  returning 1
),
custom as (
  insert into insights_visitor_stages (stage, anonymous_id)
  select distinct stage, anonymous_id from src where stage is not null and stage not in ${KNOWN} order by 1, 2
  on conflict do nothing
  returning 1
),
before as (
  select v.person from insights_visitors v where v.anonymous_id = any(array(select anonymous_id from src))
),
visitors as (
  insert into insights_visitors as v (anonymous_id, user_id, person, stages, churn_at)
  select anonymous_id, max(user_id), coalesce(max(user_id), anonymous_id), coalesce(bit_or(${BITS}), 0),
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
