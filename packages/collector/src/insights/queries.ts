// The SQL of the insights page: the only file here that knows the event tables. It
// counts and lists; the formulas (metrics.ts) turn counts into NPS, CSAT and CES.
import type { Queryable } from '../database.js';
import { BANDS, type Band, SCALES, STAGES } from './metrics.js';

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

/**
 * Scores counted by every dimension the page breaks them down by (survey, stage, page,
 * day); the page rolls them up. One query, a few thousand rows at most for the demo.
 */
export async function scoreCounts(store: Queryable): Promise<ScoreCountRow[]> {
  const { rows } = await store.query<ScoreCountRow>(
    `select survey_id as "surveyId", metric, coalesce(stage, '') as stage, path, ${DAY} as day,
            score, count(*)::int as n
       from survey_scores
      where survey_id is not null and metric is not null
      group by 1, 2, 3, 4, 5, 6`,
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
  limit: number;
} = {
  /** Only comments given in this stage. */
  stage: null,
  /** Only comments whose score is in this band: 'low' | 'mid' | 'high'. */
  band: null,
  /** Only comments on this metric. */
  metric: null,
  /** Comments listed at most; `total` still counts them all. */
  limit: 50,
};

/**
 * Comments, newest first, each with the trail of the score it follows (the latest
 * `survey_answered` of the same survey in the same session, at or before it).
 *
 * @returns {Promise<{ total: number, rows: Array<{ id, ts, stage, path, surveyId, metric, score, band, comment, trail }> }>}
 */
export async function comments(
  store: Queryable,
  options: { stage?: string | null; band?: string | null; metric?: string | null; limit?: number } = {},
): Promise<{ total: number; rows: CommentRow[] }> {
  const { stage, band, metric, limit } = { ...COMMENT_DEFAULTS, ...options };
  const where = `c.type = 'survey_comment' and jsonb_typeof(c.props->'comment') = 'string'
    and ($1::text is null or c.stage = $1)
    and ($2::text is null or (${BAND_SQL}) = $2)
    and ($3::text is null or c.props->>'metric' = $3)`;
  const params = [stage, band, metric];
  const count = await store.query<{ n: number }>(
    `select count(*)::int as n from events c where ${where}`,
    params,
  );
  const { rows } = await store.query<CommentRow>(
    `select c.id, c.ts::float8 as ts, c.stage, c.path, c.props->>'surveyId' as "surveyId",
            c.props->>'metric' as metric,
            case when jsonb_typeof(c.props->'score') = 'number' then (c.props->>'score')::float8 end as score,
            (${BAND_SQL}) as band, c.props->>'comment' as comment, a.trail
       from events c
       left join lateral (
         select a.props->'trail' as trail from events a
          where a.type = 'survey_answered' and a.session_id = c.session_id
            and a.props->>'surveyId' = c.props->>'surveyId' and a.ts <= c.ts
          order by a.ts desc, a.seq desc limit 1
       ) a on true
      where ${where}
      order by c.ts desc, c.seq desc
      limit $4`,
    [...params, limit],
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
