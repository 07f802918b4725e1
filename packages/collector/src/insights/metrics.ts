// The formulas of the insights page, pure: NPS, CSAT and CES from score counts, the score
// bands, and the journey funnel. The SQL in queries.ts only counts; every percentage and
// mean is computed here, once, so the page, the export and the tests share one rule.
import { STAGES as CORE_STAGES } from '@touchpoint/core/rules';

export type Metric = 'nps' | 'csat' | 'ces';
export type Band = 'low' | 'mid' | 'high';

export interface ScoreCount {
  score: number;
  n: number;
}

/** One metric over a set of answers; `value` is null when there is none ("no data", never NaN). */
export interface Summary {
  metric: Metric;
  n: number;
  invalid: number;
  value: number | null;
  low: number;
  mid: number;
  high: number;
}

export interface FunnelRow {
  stage: string;
  visitors: number;
  share: number | null;
  kept: number | null;
}

/** The journey stages in journey order: the core's own list. */
export const STAGES: readonly string[] = CORE_STAGES;

export const METRICS: readonly Metric[] = ['nps', 'csat', 'ces'];

/**
 * Each metric's scale and bands (SPEC "Survey configuration": NPS 0–6 / 7–8 / 9–10,
 * CSAT 1–2 / 3 / 4–5, CES 1–3 / 4 / 5–7). queries.ts builds its SQL band filter from
 * this table, so the page and the filter cannot disagree.
 */
export const SCALES: Record<Metric, { min: number; max: number } & Record<Band, [number, number]>> = {
  nps: { min: 0, max: 10, low: [0, 6], mid: [7, 8], high: [9, 10] },
  csat: { min: 1, max: 5, low: [1, 2], mid: [3, 3], high: [4, 5] },
  ces: { min: 1, max: 7, low: [1, 3], mid: [4, 4], high: [5, 7] },
};

export const BANDS: readonly Band[] = ['low', 'mid', 'high'];

/** What people call a band: NPS has its own words, CSAT and CES do not. */
export const BAND_LABELS: Record<Metric, Record<Band, string>> = {
  nps: { low: 'detractor', mid: 'passive', high: 'promoter' },
  csat: { low: 'dissatisfied', mid: 'neutral', high: 'satisfied' },
  ces: { low: 'hard', mid: 'neutral', high: 'easy' },
};

/** True for a whole score on the metric's scale; anything else is counted as invalid, never averaged. */
export function isValidScore(metric: string, score: unknown): score is number {
  const scale = Object.hasOwn(SCALES, metric) ? SCALES[metric as Metric] : undefined;
  return (
    !!scale && Number.isInteger(score) && (score as number) >= scale.min && (score as number) <= scale.max
  );
}

/** The band of a valid score, or undefined. */
export function band(metric: string, score: unknown): Band | undefined {
  if (!isValidScore(metric, score)) return undefined;
  const scale = SCALES[metric as Metric];
  return BANDS.find((b) => score >= scale[b][0] && score <= scale[b][1]);
}

/**
 * Rounds half away from zero, as people (and Postgres's `round(numeric)`) do: Math.round
 * would give an NPS of 12.5 → 13 but −12.5 → −12. Also turns −0 into 0.
 */
export function roundHalfAway(value: number, digits = 0): number {
  const f = 10 ** digits;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
  return r === 0 ? 0 : r;
}

/**
 * One metric over a set of answers.
 *
 * `counts` says how many answers gave each score. `value` is NPS in points −100…100, CSAT
 * in % of 4–5, CES the mean on 1–7 to one decimal; `low`/`mid`/`high` count the bands.
 */
export function summarize(metric: Metric, counts: Iterable<ScoreCount>): Summary {
  const result: Summary = { metric, n: 0, invalid: 0, value: null, low: 0, mid: 0, high: 0 };
  let sum = 0;
  for (const { score, n } of counts) {
    const b = band(metric, score);
    if (!b) {
      result.invalid += n;
      continue;
    }
    result.n += n;
    result[b] += n;
    sum += score * n;
  }
  if (result.n === 0) return result;
  if (metric === 'nps') result.value = roundHalfAway((100 * (result.high - result.low)) / result.n);
  else if (metric === 'csat') result.value = roundHalfAway((100 * result.high) / result.n);
  else result.value = roundHalfAway(sum / result.n, 1);
  return result;
}

/** A share in whole percent, or null when there is nothing to share. */
export const percent = (part: number, whole: number): number | null =>
  whole > 0 ? roundHalfAway((100 * part) / whole) : null;

/**
 * The journey funnel: distinct visitors per stage in STAGES order (custom stages after,
 * by size), each with its share of the widest stage and `kept`: the share of the step
 * before's visitors who also reached this one. People skip stages (a direct visit has no
 * discovery), so `kept` counts the overlap, never a ratio of totals that could pass 100%.
 * `churn` is an exit, not a step: it gets no `kept`.
 * `fromPrevious` counts the visitors of a stage also in the step before.
 */
export function funnel(
  visitorsByStage: Record<string, number>,
  fromPrevious: Record<string, number> = {},
): FunnelRow[] {
  const custom = Object.keys(visitorsByStage)
    .filter((s) => !STAGES.includes(s))
    .sort((a, b) => (visitorsByStage[b] ?? 0) - (visitorsByStage[a] ?? 0) || a.localeCompare(b));
  const stages = [...STAGES, ...custom];
  const top = Math.max(0, ...stages.map((s) => visitorsByStage[s] ?? 0));
  let previous: number | undefined;
  return stages.map((stage) => {
    const visitors = visitorsByStage[stage] ?? 0;
    const step = STAGES.includes(stage) && stage !== 'churn';
    const row = {
      stage,
      visitors,
      share: percent(visitors, top),
      kept: step && previous !== undefined ? percent(fromPrevious[stage] ?? 0, previous) : null,
    };
    if (step) previous = visitors;
    return row;
  });
}
