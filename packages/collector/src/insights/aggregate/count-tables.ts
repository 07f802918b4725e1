// The count tables of the insights figures that are sums of one per event: each table's key
// columns and the rows a set of events `src` adds to it. counts.ts adds those rows and takes
// them away again (a replaced link answer), from this one list.
import { STAGES } from '../metrics.js';
import { BAND_SQL, daySql } from '../sql.js';

/** The bit of each journey stage in `insights_visitors.stages`; custom stages have a table of their own. */
export const stageBit = (stage: string): number => 1 << STAGES.indexOf(stage);

/** Each event's stage as its bit (null for a custom stage), in SQL over `src`. */
export const STAGE_BITS = `case src.stage ${STAGES.map((s) => `when '${s}' then ${stageBit(s)}`).join(' ')} end`;
/** The journey stages as an SQL list, to tell custom stages apart. */
export const KNOWN_STAGES = `(${STAGES.map((s) => `'${s}'`).join(', ')})`;

/** An answer's score as the survey_scores view reads it: JSON numbers only. */
const SCORED = `src.type = 'survey_answered' and jsonb_typeof(src.props->'score') = 'number'`;
const SCORE = `(src.props->>'score')::double precision`;
/** The configuration an answer was asked under, '' when it does not say. */
const HASH = `coalesce(src.props->>'configHash', '')`;

/**
 * The counts that are sums of one per event (or per marker of an answer): each table's key
 * columns, and the rows a set of events `src` adds to it (key columns, then `n`). Adding
 * them (addCountsSql) and taking them away again (RETRACT_COUNTS) read the same rows.
 */
export interface CountTable {
  table: string;
  keys: string[];
  rows: string;
}

export const COUNT_TABLES: CountTable[] = [
  {
    table: 'insights_scores',
    keys: ['config_hash', 'survey_id', 'metric', 'stage', 'path', 'day', 'score'],
    rows: `select ${HASH}, src.props->>'surveyId', src.props->>'metric', coalesce(src.stage, ''), src.path,
         ${daySql('src.ts')}, ${SCORE}, count(*)
    from src
   where ${SCORED} and src.props->>'surveyId' is not null and src.props->>'metric' is not null
   group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7`,
  },
  {
    table: 'insights_markers',
    keys: ['metric', 'marker', 'score'],
    rows: `select src.props->>'metric', m.marker, ${SCORE}, count(*)
    from src
   cross join lateral (
     select distinct x->>'name' as marker
       from jsonb_array_elements(
              case when jsonb_typeof(src.props->'trail') = 'array' then src.props->'trail' else '[]'::jsonb end) x
      where jsonb_typeof(x) = 'object' and x->>'type' = 'track' and x->>'name' is not null
   ) m
   where ${SCORED} and src.props->>'metric' is not null
   group by 1, 2, 3 order by 1, 2, 3`,
  },
  {
    table: 'insights_channels',
    keys: ['channel', 'score'],
    rows: `select coalesce(src.props->>'channel', 'web'), ${SCORE}, count(*)
    from src
   where ${SCORED} and src.props->>'metric' = 'csat'
   group by 1, 2 order by 1, 2`,
  },
  {
    table: 'insights_comments',
    keys: ['config_hash', 'stage', 'metric', 'band'],
    rows: `select coalesce(c.props->>'configHash', ''), coalesce(c.stage, ''), coalesce(c.props->>'metric', ''),
         coalesce(${BAND_SQL}, ''), count(*)
    from src c
   where c.type = 'survey_comment' and jsonb_typeof(c.props->'comment') = 'string'
   group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  },
  {
    table: 'insights_answer_hashes',
    keys: ['config_hash'],
    rows: `select src.props->>'configHash', count(*) from src
   where src.type = 'survey_answered' and src.props ? 'configHash' and src.props->>'configHash' is not null
   group by 1 order by 1`,
  },
];
