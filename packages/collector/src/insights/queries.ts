// The SQL of the insights page: the only file here that knows the event tables. It
// counts and lists; the formulas (metrics.ts) turn counts into NPS, CSAT and CES.
import type { Queryable } from '../database.js';
import { BANDS, type Band, SCALES, STAGES } from './metrics.js';
import type { ServiceEvent } from './service.js';

export interface ScoreCountRow {
  surveyId: string;
  metric: string;
  stage: string;
  path: string;
  day: string;
  score: number;
  n: number;
}

export interface CommentRow {
  id: string;
  ts: number;
  stage: string | null;
  path: string;
  surveyId: string | null;
  metric: string | null;
  score: number | null;
  band: Band | null;
  comment: string;
  trail: unknown;
}

/** Days are calendar days in UTC, so the chart is the same wherever the server runs. */
const DAY = `to_char(to_timestamp(ts / 1000.0) at time zone 'UTC', 'YYYY-MM-DD')`;

/** Only answers asked under the configuration whose hash is the parameter `p`, when it is not null. */
const configHashSql = (p: string, props: string) => `(${p}::text is null or ${props}->>'configHash' = ${p})`;

/**
 * Scores counted by every dimension the page breaks them down by (survey, stage, page,
 * day); the page rolls them up. One query, a few thousand rows at most for the demo.
 * With `configHash`, only the answers asked under that configuration.
 */
export async function scoreCounts(
  store: Queryable,
  configHash: string | null = null,
): Promise<ScoreCountRow[]> {
  const { rows } = await store.query<ScoreCountRow>(
    `select survey_id as "surveyId", metric, coalesce(stage, '') as stage, path, ${DAY} as day,
            score, count(*)::int as n
       from survey_scores
      where survey_id is not null and metric is not null
        and ($1::text is null or id in (select e.id from events e
              where e.type = 'survey_answered' and ${configHashSql('$1', 'e.props')}))
      group by 1, 2, 3, 4, 5, 6`,
    [configHash],
  );
  return rows;
}

/**
 * Distinct visitors who had at least one event in each stage, and for each step of
 * STAGES (but churn, an exit), how many of them had also been in the step before.
 */
export async function stageVisitors(
  store: Queryable,
): Promise<{ visitors: Record<string, number>; fromPrevious: Record<string, number> }> {
  const { rows } = await store.query<{ stage: string; visitors: number }>(
    `select stage, count(distinct anonymous_id)::int as visitors
       from events where stage is not null group by stage`,
  );
  const steps = STAGES.filter((s) => s !== 'churn');
  const pairs = steps.slice(1).map((s, i) => `('${steps[i]}', '${s}')`);
  const both = await store.query<{ stage: string; visitors: number }>(
    `with seen as (select distinct anonymous_id, stage from events where stage is not null)
     select b.stage, count(*)::int as visitors
       from seen a join seen b on a.anonymous_id = b.anonymous_id
      where (a.stage, b.stage) in (${pairs.join(', ')})
      group by b.stage`,
  );
  const toObject = (list: { stage: string; visitors: number }[]) =>
    Object.fromEntries(list.map((r) => [r.stage, r.visitors]));
  return { visitors: toObject(rows), fromPrevious: toObject(both.rows) };
}

/**
 * Where people churn: for each visitor who reached `churn`, the last other stage they
 * were in before their first churn event ("(none)" when churn was their first stage).
 */
export async function churnOrigins(store: Queryable): Promise<Array<{ stage: string; visitors: number }>> {
  const { rows } = await store.query<{ stage: string; visitors: number }>(
    `with churned as (
       select anonymous_id, min(ts) as at from events where stage = 'churn' group by anonymous_id
     )
     select coalesce(b.stage, '(none)') as stage, count(*)::int as visitors
       from churned c
       left join lateral (
         select e.stage from events e
          where e.anonymous_id = c.anonymous_id and e.ts <= c.at
            and e.stage is not null and e.stage <> 'churn'
          order by e.ts desc, e.seq desc limit 1
       ) b on true
      group by 1 order by 2 desc, 1`,
  );
  return rows;
}

/**
 * What came before a score: for every track event name found in the answers' trails,
 * the scores of the answers whose trail holds it (counted once per answer).
 */
export async function trailMarkerCounts(
  store: Queryable,
): Promise<Array<{ metric: string; marker: string; score: number; n: number }>> {
  const { rows } = await store.query<{ metric: string; marker: string; score: number; n: number }>(
    `select s.metric, m.marker, s.score, count(*)::int as n
       from survey_scores s
       join events e on e.id = s.id
      cross join lateral (
        select distinct t->>'name' as marker
          from jsonb_array_elements(
                 case when jsonb_typeof(e.props->'trail') = 'array' then e.props->'trail' else '[]'::jsonb end) t
         where jsonb_typeof(t) = 'object' and t->>'type' = 'track' and t->>'name' is not null
      ) m
      where s.metric is not null
      group by 1, 2, 3`,
  );
  return rows;
}

/** Totals for the page's header. */
export async function totals(store: Queryable): Promise<Record<string, number | null>> {
  const { rows } = await store.query<Record<string, number | null>>(
    `select count(*)::int as events,
            count(distinct anonymous_id)::int as visitors,
            count(*) filter (where type = 'survey_answered')::int as answers,
            count(*) filter (where type = 'survey_comment')::int as comments,
            min(ts)::float8 as first, max(ts)::float8 as last
       from events`,
  );
  return rows[0] ?? {};
}

const SCORE = `(c.props->>'score')::numeric`;

/**
 * The band of a comment's score in SQL, built from SCALES so it is the same rule as
 * band() in metrics.ts: whole scores on the scale only, anything else has no band.
 */
export const BAND_SQL = `case when jsonb_typeof(c.props->'score') <> 'number' or ${SCORE} <> trunc(${SCORE}) then null
${Object.entries(SCALES)
  .flatMap(([metric, scale]) =>
    BANDS.map(
      (b: Band) =>
        `  when c.props->>'metric' = '${metric}' and ${SCORE} between ${scale[b][0]} and ${scale[b][1]} then '${b}'`,
    ),
  )
  .join('\n')}
end`;

/** Options of {@link comments}. */
export const COMMENT_DEFAULTS: {
  stage: string | null;
  band: string | null;
  metric: string | null;
  step: string | null;
  page: number;
  limit: number;
  configHash: string | null;
} = {
  /** Only comments given in this stage. */
  stage: null,
  /** Only comments whose score is in this band: 'low' | 'mid' | 'high'. */
  band: null,
  /** Only comments on this metric. */
  metric: null,
  /** Only comments whose answer's trail had this step (`event:name`, `page:/path`, `route:/x/*`, `stage:name`), or whose session began in `start:stage`. */
  step: null,
  /** Which page of `limit` comments, from 1. */
  page: 1,
  /** Comments listed at most; `total` still counts them all. */
  limit: 50,
  /** Only comments given under the configuration of this `configHash`. */
  configHash: null,
};

/** A trail step or session start matching the parameter `p` ('kind:value'), in SQL. */
const stepSql = (p: string) => `(
  ${p}::text is null
  or (split_part(${p}, ':', 1) = 'start' and (
        select e.stage from events e where e.session_id = c.session_id and e.stage is not null
         order by e.ts, e.seq limit 1) = substr(${p}, 7))
  or exists (
    select 1 from jsonb_array_elements(case when jsonb_typeof(a.trail) = 'array' then a.trail else '[]'::jsonb end) t
     where jsonb_typeof(t) = 'object' and case split_part(${p}, ':', 1)
       when 'event' then t->>'type' = 'track' and t->>'name' = substr(${p}, 7)
       when 'page' then t->>'path' = substr(${p}, 6)
       when 'route' then ${routeSql("(t->>'path')")} = substr(${p}, 7)
       when 'stage' then t->>'stage' = substr(${p}, 7)
       else false end))`;

/**
 * Comments, newest first, each with the trail of the score it follows (the latest
 * `survey_answered` of the same survey in the same session, at or before it).
 *
 * @returns {Promise<{ total: number, rows: Array<{ id, ts, stage, path, surveyId, metric, score, band, comment, trail }> }>}
 */
export async function comments(
  store: Queryable,
  options: Partial<typeof COMMENT_DEFAULTS> = {},
): Promise<{ total: number; rows: CommentRow[] }> {
  const { stage, band, metric, step, page, limit, configHash } = { ...COMMENT_DEFAULTS, ...options };
  const from = `events c
       left join lateral (
         select a.props->'trail' as trail from events a
          where a.type = 'survey_answered' and a.session_id = c.session_id
            and a.props->>'surveyId' = c.props->>'surveyId' and a.ts <= c.ts
          order by a.ts desc, a.seq desc limit 1
       ) a on true`;
  const where = `c.type = 'survey_comment' and jsonb_typeof(c.props->'comment') = 'string'
    and ($1::text is null or c.stage = $1)
    and ($2::text is null or (${BAND_SQL}) = $2)
    and ($3::text is null or c.props->>'metric' = $3)
    and ${stepSql('$4')}
    and ${configHashSql('$5', 'c.props')}`;
  const count = await store.query<{ n: number }>(`select count(*)::int as n from ${from} where ${where}`, [
    stage,
    band,
    metric,
    step,
    configHash,
  ]);
  const { rows } = await store.query<CommentRow>(
    `select c.id, c.ts::float8 as ts, c.stage, c.path, c.props->>'surveyId' as "surveyId",
            c.props->>'metric' as metric,
            case when jsonb_typeof(c.props->'score') = 'number' then (c.props->>'score')::float8 end as score,
            (${BAND_SQL}) as band, c.props->>'comment' as comment, a.trail
       from ${from}
      where ${where}
      order by c.ts desc, c.seq desc
      limit $6 offset $7`,
    [stage, band, metric, step, configHash, limit, (Math.max(1, page) - 1) * limit],
  );
  return { total: count.rows[0]?.n ?? 0, rows };
}

/** The stages comments were given in, for the filter's choices. */
export async function commentStages(store: Queryable): Promise<string[]> {
  const { rows } = await store.query<{ stage: string }>(
    `select distinct stage from events where type = 'survey_comment' and stage is not null order by 1`,
  );
  return rows.map((r) => r.stage);
}

/**
 * Raw events in arrival order, a page at a time, so an export never holds the whole
 * table in memory: `for await (const rows of eventPages(store)) …`.
 */
export async function* eventPages(
  store: Queryable,
  pageSize = 500,
): AsyncGenerator<Array<Record<string, unknown>>> {
  let after = 0;
  for (;;) {
    const { rows } = await store.query<{ seq: number; event: Record<string, unknown> }>(
      `select seq::float8 as seq, event from events where seq > $1 order by seq limit $2`,
      [after, pageSize],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => r.event);
    after = (rows[rows.length - 1] as { seq: number }).seq;
    if (rows.length < pageSize) return;
  }
}

/** Whole scores on their metric's scale, in SQL (the rule of isValidScore). */
const VALID_SQL = `(s.score = trunc(s.score) and (${Object.entries(SCALES)
  .map(([metric, scale]) => `(s.metric = '${metric}' and s.score between ${scale.min} and ${scale.max})`)
  .join(' or ')}))`;
/** The low band of a valid score, in SQL (the rule of band()). */
const LOW_SQL = `(${Object.entries(SCALES)
  .map(
    ([metric, scale]) => `(s.metric = '${metric}' and s.score between ${scale.low[0]} and ${scale.low[1]})`,
  )
  .join(' or ')})`;
/** routeShape() of drivers.ts in SQL: the first segment and `*` when there are two or more. */
export const routeSql = (path: string): string =>
  `case when ${path} ~ '^/[^/?#]+/[^/?#]' then regexp_replace(${path}, '^(/[^/?#]+)/.*$', '\\1/*') end`;

export interface StepCountRow {
  metric: string;
  /** '' for the metric's totals. */
  kind: string;
  step: string;
  n: number;
  low: number;
}

/**
 * For the drivers: per metric, how many answers (and how many low-band ones) had each step
 * before them, in their trail or earlier in their session: track event names, pages,
 * route shapes, stages, and the stage the session began in. Each step counts once per
 * answer. Rows with kind '' are each metric's totals.
 */
export async function stepCounts(store: Queryable): Promise<StepCountRow[]> {
  const steps = (stage: string, type: string, name: string, path: string) =>
    `(values ('event', case when ${type} = 'track' then ${name} end), ('page', ${path}),
             ('route', ${routeSql(path)}), ('stage', ${stage})) v(kind, value)`;
  const { rows } = await store.query<StepCountRow>(
    `with answers as (
       select s.id, s.metric, s.session_id, s.ts, e.props->'trail' as trail, ${LOW_SQL} as low
         from survey_scores s join events e on e.id = s.id
        where ${VALID_SQL}
     ),
     steps as (
       select a.id, v.kind, v.value
         from answers a
         join events e on e.session_id = a.session_id and e.ts <= a.ts and e.id <> a.id
        cross join lateral ${steps('e.stage', 'e.type', 'e.name', 'e.path')}
       union
       select a.id, v.kind, v.value
         from answers a
        cross join lateral jsonb_array_elements(
               case when jsonb_typeof(a.trail) = 'array' then a.trail else '[]'::jsonb end) t
        cross join lateral ${steps("t->>'stage'", "t->>'type'", "t->>'name'", "t->>'path'")}
        where jsonb_typeof(t) = 'object'
       union
       select a.id, 'start', (select e.stage from events e
                               where e.session_id = a.session_id and e.stage is not null
                               order by e.ts, e.seq limit 1)
         from answers a
     )
     select a.metric, st.kind, st.value as step, count(*)::int as n, count(*) filter (where a.low)::int as low
       from steps st join answers a on a.id = st.id
      where st.value is not null
      group by 1, 2, 3
     union all
     select metric, '', '', count(*)::int, count(*) filter (where low)::int from answers group by 1`,
  );
  return rows;
}

export interface PersonSessionRow {
  person: string;
  start: number;
  last: number;
  advocacy: number | null;
}

export interface PersonAnswerRow {
  person: string;
  ts: number;
  metric: string;
  score: number;
}

/** A person is their user id once any of their events carries one, else their anonymous id. */
const PEOPLE = `people as (
  select anonymous_id, coalesce(max(user_id), anonymous_id) as person from events group by 1
)`;

/** For the ladder and retention: every person's sessions (start, end, first advocacy event) and scores. */
export async function personHistories(
  store: Queryable,
): Promise<{ sessions: PersonSessionRow[]; answers: PersonAnswerRow[] }> {
  const [sessions, answers] = await Promise.all([
    store.query<PersonSessionRow>(
      `with ${PEOPLE}
       select p.person, min(e.ts)::float8 as start, max(e.ts)::float8 as last,
              (min(e.ts) filter (where e.stage = 'advocacy'))::float8 as advocacy
         from events e join people p on p.anonymous_id = e.anonymous_id
        group by p.person, e.session_id`,
    ),
    store.query<PersonAnswerRow>(
      `with ${PEOPLE}
       select p.person, s.ts::float8 as ts, s.metric, s.score
         from survey_scores s join people p on p.anonymous_id = s.anonymous_id
        where ${VALID_SQL}`,
    ),
  ]);
  return { sessions: sessions.rows, answers: answers.rows };
}

export type SessionEventRow = ServiceEvent & { sessionId: string };

/** For service speed: the events, in order, of every session with an event in `stage`. */
export async function sessionsEntering(store: Queryable, stage: string): Promise<SessionEventRow[]> {
  const { rows } = await store.query<SessionEventRow>(
    `select e.session_id as "sessionId", e.ts::float8 as ts, e.stage, e.type, e.name,
            e.props->>'metric' as metric,
            case when jsonb_typeof(e.props->'score') = 'number' then (e.props->>'score')::float8 end as score
       from events e
      where e.session_id in (select distinct session_id from events where stage = $1 and session_id is not null)
      order by e.session_id, e.ts, e.seq`,
    [stage],
  );
  return rows;
}

/** CSAT score counts by channel: `props.channel` of the answer (a link survey's), else `web`. */
export async function csatByChannel(
  store: Queryable,
): Promise<Array<{ channel: string; score: number; n: number }>> {
  const { rows } = await store.query<{ channel: string; score: number; n: number }>(
    `select coalesce(e.props->>'channel', 'web') as channel, s.score, count(*)::int as n
       from survey_scores s join events e on e.id = s.id
      where s.metric = 'csat'
      group by 1, 2`,
  );
  return rows;
}
