// The comment filters of /insights, read from the query string so they work as a plain
// GET form without JavaScript. Pure: bad values are ignored and explained, never thrown.
import { BAND_LABELS, BANDS, type Band, METRICS, type Metric } from './metrics.js';

export interface Filters {
  stage: string | null;
  band: Band | null;
  metric: Metric | null;
  /**
   * Only answers asked under this configuration: a published version's number (`3`), or a
   * `configHash` as survey events carry it (`1a2b3c4d`), for a configuration the editor did
   * not publish. Scores and comments follow it.
   */
  version: string | null;
  problems: string[];
}

/** The filters, a driver's step, and which page of comments. */
export interface CommentView extends Filters {
  /** Only comments whose answer's trail had this step (`kind:value`, as the drivers name it). */
  step: string | null;
  /** The page of comments, from 1. */
  page: number;
}

/** A driver's step: its kind, a colon, and up to 200 characters of name, path or stage, no control characters (PostgreSQL refuses U+0000). */
const STEP = /^(event|page|pattern|route|stage|start):\S[^\p{Cc}]{0,199}$/u;
/** The last page anyone would read; beyond it the offset only makes the database work. */
const MAX_PAGE = 1000;

/** A version number (up to 7 digits), or a configuration hash (8 hex digits, as configHash writes it). */
const VERSION = /^(?:[1-9]\d{0,6}|[0-9a-f]{8})$/;

/** SPEC "Journey stages": the names a stage may have. */
const STAGE_NAME = /^[a-z][a-z0-9_-]{0,39}$/;

/** NPS words are accepted too: `band=detractor` is `band=low`. */
const BAND_ALIASES: Record<string, Band> = Object.fromEntries(
  Object.values(BAND_LABELS).flatMap((labels) =>
    Object.entries(labels).map(([b, word]) => [word, b as Band]),
  ),
);

/** Reads one parameter with `accept`; a value it refuses is null, and explained in `problems`. */
function reader(params: URLSearchParams, problems: string[], lowerCase = true) {
  return <T>(name: string, accept: (value: string) => T | null, expected: string): T | null => {
    const raw = params.get(name);
    if (raw === null || raw === '') return null;
    const value = accept(lowerCase ? raw.trim().toLowerCase() : raw.trim());
    if (value === null) problems.push(`${name}: expected ${expected}; showing every ${name}`);
    return value;
  };
}

export function parseFilters(params: URLSearchParams): Filters {
  const problems: string[] = [];
  const read = reader(params, problems);
  return {
    stage: read('stage', (v) => (STAGE_NAME.test(v) ? v : null), 'a stage name such as "purchase"'),
    band: read(
      'band',
      (v) => (BANDS.includes(v as Band) ? (v as Band) : (BAND_ALIASES[v] ?? null)),
      'low, mid or high (or detractor, passive, promoter)',
    ),
    metric: read('metric', (v) => (METRICS.includes(v as Metric) ? (v as Metric) : null), 'nps, csat or ces'),
    version: read(
      'version',
      (v) => (VERSION.test(v) ? v : null),
      'a version number such as 3, or a configuration hash such as 1a2b3c4d',
    ),
    problems,
  };
}

/** parseFilters, and the step (case kept: event names and paths are case-sensitive) and the page. */
export function parseCommentView(params: URLSearchParams): CommentView {
  const filters = parseFilters(params);
  const read = reader(params, filters.problems, false);
  return {
    ...filters,
    step: read('step', (v) => (STEP.test(v) ? v : null), 'a step such as "event:payment_failed"'),
    page:
      read(
        'page',
        (v) => (/^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_PAGE ? Number(v) : null),
        `a page number from 1 to ${MAX_PAGE}`,
      ) ?? 1,
  };
}
