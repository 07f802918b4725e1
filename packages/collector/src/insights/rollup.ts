// Score counts rolled up by any key (survey, stage, page, day), the trend over a window
// of days, and what a trail marker goes with. Pure; table-tested.
import { METRICS, type Metric, type ScoreCount, STAGES, type Summary, summarize } from './metrics.js';

export type ByMetric = Record<Metric, Summary>;

export interface MarkerEffect {
  marker: string;
  metric: Metric;
  summary: Summary;
  delta: number;
}

export type Counted = ScoreCount & { metric: string };

/**
 * Groups score counts by `keyOf(row)` and summarizes each metric of each group.
 * Pure; table-tested.
 * The groups come in first-seen order.
 */
export function rollup<R extends Counted>(rows: R[], keyOf: (row: R) => string): Map<string, ByMetric> {
  const groups = new Map<string, Record<Metric, R[]>>();
  for (const row of rows) {
    if (!METRICS.includes(row.metric as Metric)) continue;
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) {
      group = { nps: [], csat: [], ces: [] };
      groups.set(key, group);
    }
    group[row.metric as Metric].push(row);
  }
  const out = new Map<string, ByMetric>();
  for (const [key, byMetric] of groups) {
    out.set(key, Object.fromEntries(METRICS.map((m) => [m, summarize(m, byMetric[m])])) as ByMetric);
  }
  return out;
}

/** Every metric with no answer: "no data", not NaN. */
export const noAnswers = (): ByMetric =>
  Object.fromEntries(METRICS.map((m) => [m, summarize(m, [])])) as ByMetric;

/** Every day from `first` to `last` (`YYYY-MM-DD`, UTC), so gaps show as gaps. */
export function daysBetween(first: string | undefined, last: string | undefined): string[] {
  if (!first || !last || first > last) return [];
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); days.length < 3660; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push(day);
    if (day >= last) break;
  }
  return days;
}

/** Days pooled into the trend line: a week smooths the weekday rhythm and small daily counts. */
export const TREND_DAYS = 7;

/**
 * For each day, the metrics over the `window` days ending on it, pooled (all answers
 * of those days together, not an average of daily averages, so a day with two answers
 * weighs less than one with forty).
 * `days` are consecutive `YYYY-MM-DD`.
 */
export function trailing<R extends Counted & { day: string }>(
  rows: R[],
  days: string[],
  window = TREND_DAYS,
): Map<string, ByMetric> {
  const index = new Map(days.map((d, i) => [d, i]));
  const out = new Map<string, ByMetric>();
  days.forEach((day, i) => {
    const inWindow = rows.filter((r) => {
      const at = index.get(r.day);
      return at !== undefined && at <= i && at > i - window;
    });
    out.set(day, rollup(inWindow, () => day).get(day) ?? noAnswers());
  });
  return out;
}

/** Stages in journey order, custom ones after in name order; '' (no stage) last. */
export const stageOrder = (a: string, b: string) => {
  const rank = (s: string) => (s === '' ? 1e9 : STAGES.includes(s) ? STAGES.indexOf(s) : 100);
  return rank(a) - rank(b) || a.localeCompare(b);
};

/**
 * What came before a score: for each trail marker and metric, the summary of the
 * answers whose trail holds it, beside the summary of all answers on that metric.
 * Markers with fewer than `minAnswers` answers are left out: too few to read.
 */
export function markerEffects(
  markerRows: Array<Counted & { marker: string }>,
  overall: ByMetric,
  minAnswers = 5,
): MarkerEffect[] {
  const byMarker = rollup(markerRows, (r) => r.marker);
  const effects: MarkerEffect[] = [];
  for (const [marker, byMetric] of byMarker) {
    for (const metric of METRICS) {
      const s = byMetric[metric];
      // A marker in every answer (add_to_cart before checkout CSAT) says nothing.
      if (s.n < minAnswers || s.n === overall[metric].n || s.value === null || overall[metric].value === null)
        continue;
      effects.push({ marker, metric, summary: s, delta: s.value - overall[metric].value });
    }
  }
  return effects.sort(
    (a, b) =>
      METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric) ||
      a.delta - b.delta ||
      a.marker.localeCompare(b.marker),
  );
}

export const total3 = (s: ByMetric) => METRICS.reduce((n, m) => n + s[m].n, 0);
