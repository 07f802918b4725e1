// Everything the insights page shows, gathered from the store and rolled up with the
// formulas: the page (page.mjs) only renders what this returns.
import { funnel, METRICS, STAGES, summarize } from './metrics.mjs';
import {
  churnOrigins,
  commentStages,
  comments,
  scoreCounts,
  stageVisitors,
  totals,
  trailMarkerCounts,
} from './queries.mjs';

/**
 * Groups score counts by `keyOf(row)` and summarizes each metric of each group.
 * Pure; table-tested.
 *
 * @param {Array<{ metric: string, score: number, n: number }>} rows
 * @returns {Map<string, Record<string, ReturnType<typeof summarize>>>} in first-seen order
 */
export function rollup(rows, keyOf) {
  const groups = new Map();
  for (const row of rows) {
    if (!METRICS.includes(row.metric)) continue;
    const key = keyOf(row);
    if (!groups.has(key)) groups.set(key, Object.fromEntries(METRICS.map((m) => [m, []])));
    groups.get(key)[row.metric].push(row);
  }
  const out = new Map();
  for (const [key, byMetric] of groups) {
    out.set(key, Object.fromEntries(METRICS.map((m) => [m, summarize(m, byMetric[m])])));
  }
  return out;
}

/** Every metric with no answer: "no data", not NaN. */
export const noAnswers = () => Object.fromEntries(METRICS.map((m) => [m, summarize(m, [])]));

/** Every day from `first` to `last` (`YYYY-MM-DD`, UTC), so gaps show as gaps. */
export function daysBetween(first, last) {
  if (!first || !last || first > last) return [];
  const days = [];
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
 *
 * @param {Array<{ day: string, metric: string, score: number, n: number }>} rows
 * @param {string[]} days consecutive `YYYY-MM-DD`
 */
export function trailing(rows, days, window = TREND_DAYS) {
  const index = new Map(days.map((d, i) => [d, i]));
  const out = new Map();
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
const stageOrder = (a, b) => {
  const rank = (s) => (s === '' ? 1e9 : STAGES.includes(s) ? STAGES.indexOf(s) : 100);
  return rank(a) - rank(b) || a.localeCompare(b);
};

/**
 * What came before a score: for each trail marker and metric, the summary of the
 * answers whose trail holds it, beside the summary of all answers on that metric.
 * Markers with fewer than `minAnswers` answers are left out: too few to read.
 */
export function markerEffects(markerRows, overall, minAnswers = 5) {
  const byMarker = rollup(markerRows, (r) => r.marker);
  const effects = [];
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

/** Gathers the page's data from the store. */
export async function buildReport(store, filters) {
  const [counts, total, reached, churn, markers, listed, stages] = await Promise.all([
    scoreCounts(store),
    totals(store),
    stageVisitors(store),
    churnOrigins(store),
    trailMarkerCounts(store),
    comments(store, filters),
    commentStages(store),
  ]);
  const overall = rollup(counts, () => 'all').get('all') ?? noAnswers();
  const daily = rollup(counts, (r) => r.day);
  const dayKeys = [...daily.keys()].sort();
  const days = daysBetween(dayKeys[0], dayKeys[dayKeys.length - 1]);
  return {
    totals: total,
    overall,
    bySurvey: [...rollup(counts, (r) => `${r.surveyId}\u0000${r.metric}`)].map(([key, s]) => {
      const [surveyId, metric] = key.split('\u0000');
      return { surveyId, metric, summary: s[metric] };
    }),
    byStage: [...rollup(counts, (r) => r.stage)].sort(([a], [b]) => stageOrder(a, b)),
    byPage: [...rollup(counts, (r) => r.path)].sort(
      ([a, sa], [b, sb]) => total3(sb) - total3(sa) || a.localeCompare(b),
    ),
    days,
    daily,
    trend: trailing(counts, days, TREND_DAYS),
    funnel: funnel(reached.visitors, reached.fromPrevious),
    churn,
    markers: markerEffects(markers, overall),
    comments: listed,
    commentStages: [...new Set([...STAGES, ...stages])],
    filters,
  };
}

const total3 = (s) => METRICS.reduce((n, m) => n + s[m].n, 0);
