// The comments of the insights page: newest first, a page at a time, filtered by stage,
// band, metric, or a driver's step. Comments are few beside events and read a page at a
// time, so they are read from the events themselves.
import type { Queryable } from '../database.js';
import { patternFinder, publishedPatterns } from './aggregate/patterns.js';
import type { Band } from './metrics.js';
import { BAND_SQL, routeSql } from './sql.js';

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
  /** Only comments whose answer's trail had this step (`event:name`, `page:/path`, `pattern:/x/**`, `route:/x/*`, `stage:name`), or whose session began in `start:stage`. */
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
  (split_part(${p}, ':', 1) = 'start' and (
        select e.stage from events e where e.session_id = c.session_id and e.stage is not null
         order by e.ts, e.seq limit 1) = substr(${p}, 7))
  or exists (
    select 1 from jsonb_array_elements(case when jsonb_typeof(a.trail) = 'array' then a.trail else '[]'::jsonb end) t
     where jsonb_typeof(t) = 'object' and case split_part(${p}, ':', 1)
       when 'event' then t->>'type' = 'track' and t->>'name' = substr(${p}, 7)
       when 'page' then t->>'path' = substr(${p}, 6)
       when 'pattern' then t->>'path' = any($6::text[])
       when 'route' then ${routeSql("(t->>'path')")} = substr(${p}, 7)
       when 'stage' then t->>'stage' = substr(${p}, 7)
       else false end))`;

/** The answer a comment `c` follows: the latest `survey_answered` of its survey in its session, at or before it. */
const ANSWER = `left join lateral (
         select a.props->'trail' as trail from events a
          where a.type = 'survey_answered' and a.session_id = c.session_id
            and a.props->>'surveyId' = c.props->>'surveyId' and a.ts <= c.ts
          order by a.ts desc, a.seq desc limit 1
       ) a on true`;

/**
 * The paths in the trails of commented answers that the drivers count under the stage glob
 * `glob` (patternFinder: the most specific glob, of paths as normalizePath reads them, so
 * `/help//faq` and `/he%6Cp` are under `/help/**`). A glob no longer published still
 * filters, below the published ones.
 */
async function pathsUnder(store: Queryable, glob: string): Promise<string[]> {
  const patterns = await publishedPatterns(store);
  const patternOf = patternFinder(patterns.includes(glob) ? patterns : [...patterns, glob]);
  const { rows } = await store.query<{ path: string }>(
    `select distinct t->>'path' as path from events c ${ANSWER}
       cross join lateral jsonb_array_elements(case when jsonb_typeof(a.trail) = 'array' then a.trail else '[]'::jsonb end) t
      where c.type = 'survey_comment' and jsonb_typeof(c.props->'comment') = 'string'
        and jsonb_typeof(t) = 'object' and jsonb_typeof(t->'path') = 'string'`,
  );
  return rows.map((r) => r.path).filter((path) => patternOf(path) === glob);
}

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
  // The answer each comment follows is looked up for the listed page only, unless a step
  // filters by it: a lookup per comment would cost more than the rest of the page.
  const matching = `select c.* from events c ${step === null ? '' : ANSWER}
    where c.type = 'survey_comment' and jsonb_typeof(c.props->'comment') = 'string'
      and ($1::text is null or c.stage = $1)
      and ($2::text is null or (${BAND_SQL}) = $2)
      and ($3::text is null or c.props->>'metric' = $3)
      and ($4::text is null or c.props->>'configHash' = $4)
      ${step === null ? '' : `and ${stepSql('$5')}`}`;
  // A stage glob's step: the paths the drivers count under it.
  const under = step?.startsWith('pattern:') ? await pathsUnder(store, step.slice('pattern:'.length)) : [];
  const filters = [stage, band, metric, configHash, ...(step === null ? [] : [step, under])];
  // Without a step, the total is counted at ingest ('' is no stage, metric, band or hash there).
  const count = await store.query<{ n: number }>(
    step === null
      ? `select coalesce(sum(n), 0)::int as n from insights_comments
          where ($1::text is null or stage = $1) and ($2::text is null or band = $2)
            and ($3::text is null or metric = $3) and ($4::text is null or config_hash = $4)`
      : `select count(*)::int as n from (${matching}) c`,
    filters,
  );
  const at = filters.length;
  const { rows } = await store.query<CommentRow>(
    `select c.id, c.ts::float8 as ts, c.stage, c.path, c.props->>'surveyId' as "surveyId",
            c.props->>'metric' as metric,
            case when jsonb_typeof(c.props->'score') = 'number' then (c.props->>'score')::float8 end as score,
            (${BAND_SQL}) as band, c.props->>'comment' as comment, a.trail
       from (${matching} order by c.ts desc, c.seq desc limit $${at + 1} offset $${at + 2}) c
       ${ANSWER}
      order by c.ts desc, c.seq desc`,
    [...filters, limit, (Math.max(1, page) - 1) * limit],
  );
  return { total: count.rows[0]?.n ?? 0, rows };
}

/** The stages comments were given in, for the filter's choices (counted at ingest). */
export async function commentStages(store: Queryable): Promise<string[]> {
  const { rows } = await store.query<{ stage: string }>(
    `select stage from insights_event_counts where type = 'survey_comment' and stage <> '' order by 1`,
  );
  return rows.map((r) => r.stage);
}
