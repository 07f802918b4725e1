// SQL fragments shared by the insights reads (queries.ts, comment-query.ts) and the
// aggregates kept at ingest (aggregate/): each one is built from the rules of metrics.ts,
// so the page, its filters and the stored counts cannot disagree.
import { BANDS, type Band, SCALES } from './metrics.js';

/**
 * The earliest time PostgreSQL's timestamps hold (4714 BC), in ms: the wire accepts times
 * back to 271,821 BC, and one such event must not make every run that counts it fail.
 */
const EARLIEST_MS = -210_866_803_200_000;

/** Days are calendar days in UTC, so the chart is the same wherever the server runs. */
export const daySql = (ts: string): string =>
  `to_char(to_timestamp(greatest(${ts}, ${EARLIEST_MS}) / 1000.0) at time zone 'UTC', 'YYYY-MM-DD')`;

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

/** Whole scores on their metric's scale, in SQL (the rule of isValidScore), over `s.metric` and `s.score`. */
export const VALID_SQL = `(s.score = trunc(s.score) and (${Object.entries(SCALES)
  .map(([metric, scale]) => `(s.metric = '${metric}' and s.score between ${scale.min} and ${scale.max})`)
  .join(' or ')}))`;

/** The low band of a valid score, in SQL (the rule of band()). */
export const LOW_SQL = `(${Object.entries(SCALES)
  .map(
    ([metric, scale]) => `(s.metric = '${metric}' and s.score between ${scale.low[0]} and ${scale.low[1]})`,
  )
  .join(' or ')})`;

/** routeShape() of drivers.ts in SQL: the first segment and `*` when there are two or more. */
export const routeSql = (path: string): string =>
  `case when ${path} ~ '^/[^/?#]+/[^/?#]' then regexp_replace(${path}, '^(/[^/?#]+)/.*$', '\\1/*') end`;
