// The comment filters of /insights, read from the query string so they work as a plain
// GET form without JavaScript. Pure: bad values are ignored and explained, never thrown.
import { BAND_LABELS, BANDS, type Band, METRICS, type Metric } from './metrics.js';

export interface Filters {
  stage: string | null;
  band: Band | null;
  metric: Metric | null;
  problems: string[];
}

/** SPEC "Journey stages": the names a stage may have. */
const STAGE_NAME = /^[a-z][a-z0-9_-]{0,39}$/;

/** NPS words are accepted too: `band=detractor` is `band=low`. */
const BAND_ALIASES: Record<string, Band> = Object.fromEntries(
  Object.values(BAND_LABELS).flatMap((labels) =>
    Object.entries(labels).map(([b, word]) => [word, b as Band]),
  ),
);

export function parseFilters(params: URLSearchParams): Filters {
  const problems: string[] = [];
  const read = <T>(name: string, accept: (value: string) => T | null, expected: string): T | null => {
    const raw = params.get(name);
    if (raw === null || raw === '') return null;
    const value = accept(raw.trim().toLowerCase());
    if (value === null) problems.push(`${name}: expected ${expected}; showing every ${name}`);
    return value;
  };
  return {
    stage: read('stage', (v) => (STAGE_NAME.test(v) ? v : null), 'a stage name such as "purchase"'),
    band: read(
      'band',
      (v) => (BANDS.includes(v as Band) ? (v as Band) : (BAND_ALIASES[v] ?? null)),
      'low, mid or high (or detractor, passive, promoter)',
    ),
    metric: read('metric', (v) => (METRICS.includes(v as Metric) ? (v as Metric) : null), 'nps, csat or ces'),
    problems,
  };
}
