// The reads of the insights page: counts kept at ingest (aggregate/), never a pass over
// every event, so the page answers in milliseconds whatever the number of answers. They
// count and list; the formulas (metrics.ts) turn counts into NPS, CSAT and CES.
import type { Queryable } from '../database.js';
import { stageBit } from './aggregate/count-tables.js';
import { STAGES } from './metrics.js';

export interface ScoreCountRow {
  surveyId: string;
  metric: string;
  stage: string;
  path: string;
  day: string;
  score: number;
  n: number;
}

/**
 * Scores counted by every dimension the page breaks them down by (survey, stage, page,
 * day); the page rolls them up. With `configHash`, only the answers asked under that
 * configuration.
 */
export async function scoreCounts(
  store: Queryable,
  configHash: string | null = null,
): Promise<ScoreCountRow[]> {
  const { rows } = await store.query<ScoreCountRow>(
    `select survey_id as "surveyId", metric, stage, path, day, score, sum(n)::int as n
       from insights_scores where $1::text is null or config_hash = $1
      group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`,
    [configHash],
  );
  return rows;
}

/** The configuration hashes answers name, with how many answers name each. */
export async function answerHashes(store: Queryable): Promise<Map<string, number>> {
  const { rows } = await store.query<{ hash: string; n: number }>(
    `select config_hash as hash, n::int as n from insights_answer_hashes`,
  );
  return new Map(rows.map((r) => [r.hash, r.n]));
}

/** Totals for the page's header. */
export async function totals(store: Queryable): Promise<Record<string, number | null>> {
  const { rows } = await store.query<Record<string, number | null>>(
    `select coalesce(sum(n), 0)::int as events,
            (select count(*)::int from insights_visitors) as visitors,
            coalesce(sum(n) filter (where type = 'survey_answered'), 0)::int as answers,
            coalesce(sum(n) filter (where type = 'survey_comment'), 0)::int as comments,
            min(first_ts)::float8 as first, max(last_ts)::float8 as last,
            (select count(*)::int from insights_pending) as pending,
            (select count(*)::int from insights_skipped) as skipped
       from insights_event_counts`,
  );
  return rows[0] ?? {};
}

/**
 * What came before a score: for every track event name found in the answers' trails,
 * the scores of the answers whose trail holds it (counted once per answer).
 */
export async function trailMarkerCounts(
  store: Queryable,
): Promise<Array<{ metric: string; marker: string; score: number; n: number }>> {
  const { rows } = await store.query<{ metric: string; marker: string; score: number; n: number }>(
    `select metric, marker, score, n::int as n from insights_markers order by 1, 2, 3`,
  );
  return rows;
}

/** CSAT score counts by channel: `props.channel` of the answer (a link survey's), else `web`. */
export async function csatByChannel(
  store: Queryable,
): Promise<Array<{ channel: string; score: number; n: number }>> {
  const { rows } = await store.query<{ channel: string; score: number; n: number }>(
    `select channel, score, n::int as n from insights_channels order by 1, 2`,
  );
  return rows;
}

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
  const { rows } = await store.query<StepCountRow>(
    `select metric, kind, step, n, low from insights_steps where n > 0 order by 1, 2, 3`,
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
  const steps = STAGES.filter((s) => s !== 'churn');
  const pairs = steps.slice(1).map((s, i) => [s, stageBit(s) | stageBit(steps[i] as string)] as const);
  const { rows } = await store.query<Record<string, number>>(
    `select ${STAGES.map((s, i) => `count(*) filter (where stages & ${stageBit(s)} <> 0)::int as v${i}`).join(', ')},
            ${pairs.map(([, bits], i) => `count(*) filter (where stages & ${bits} = ${bits})::int as p${i}`).join(', ')}
       from insights_visitors`,
  );
  const custom = await store.query<{ stage: string; visitors: number }>(
    `select stage, count(*)::int as visitors from insights_visitor_stages group by 1`,
  );
  const counts = rows[0] ?? {};
  const visitors: Record<string, number> = {};
  const fromPrevious: Record<string, number> = {};
  STAGES.forEach((s, i) => {
    if (counts[`v${i}`]) visitors[s] = counts[`v${i}`] as number;
  });
  for (const { stage, visitors: n } of custom.rows) visitors[stage] = n;
  pairs.forEach(([stage], i) => {
    if (counts[`p${i}`]) fromPrevious[stage] = counts[`p${i}`] as number;
  });
  return { visitors, fromPrevious };
}

/**
 * Where people churn: for each visitor who reached `churn`, the last other stage they
 * were in before their first churn event ("(none)" when churn was their first stage).
 */
export async function churnOrigins(store: Queryable): Promise<Array<{ stage: string; visitors: number }>> {
  const { rows } = await store.query<{ stage: string; visitors: number }>(
    `select coalesce(b.stage, '(none)') as stage, count(*)::int as visitors
       from insights_visitors c
       left join lateral (
         select e.stage from events e
          where e.anonymous_id = c.anonymous_id and e.ts <= c.churn_at
            and e.stage is not null and e.stage <> 'churn'
          order by e.ts desc, e.seq desc limit 1
       ) b on true
      where c.churn_at is not null
      group by 1 order by 2 desc, 1`,
  );
  return rows;
}
