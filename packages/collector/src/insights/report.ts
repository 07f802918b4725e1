// Everything the insights page shows, gathered from the store and rolled up with the
// formulas: the page (page.ts) only renders what this returns.
import type { Queryable } from '../database.js';
import { type Driver, findDrivers } from './drivers.js';
import type { CommentView } from './filters.js';
import { type Ladder, ladder } from './ladder.js';
import {
  type FunnelRow,
  funnel,
  METRICS,
  type Metric,
  type ScoreCount,
  STAGES,
  type Summary,
  summarize,
} from './metrics.js';
import { assemblePeople } from './people.js';
import {
  type CommentRow,
  churnOrigins,
  commentStages,
  comments,
  csatByChannel,
  personHistories,
  type SessionEventRow,
  scoreCounts,
  sessionsEntering,
  stageVisitors,
  stepCounts,
  totals,
  trailMarkerCounts,
} from './queries.js';
import { type BandRetention, retention } from './retention.js';
import { SERVICE_DEFAULTS, type ServiceSummary, serviceVisit, summarizeService } from './service.js';
import { hashOfVersion, type VersionChoice, versionChoices } from './version-filter.js';

export type ByMetric = Record<Metric, Summary>;

export interface MarkerEffect {
  marker: string;
  metric: Metric;
  summary: Summary;
  delta: number;
}

export interface Report {
  totals: {
    events: number;
    visitors: number;
    answers: number;
    comments: number;
    first: number | null;
    last: number | null;
  };
  overall: ByMetric;
  bySurvey: Array<{ surveyId: string; metric: Metric; summary: Summary }>;
  byStage: Array<[string, ByMetric]>;
  byPage: Array<[string, ByMetric]>;
  days: string[];
  daily: Map<string, ByMetric>;
  trend: Map<string, ByMetric>;
  funnel: FunnelRow[];
  churn: Array<{ stage: string; visitors: number }>;
  markers: MarkerEffect[];
  /** Steps before an answer that go with low scores, per metric, strongest first (drivers.ts). */
  drivers: Driver[];
  /** The loyalty ladder (ladder.ts). */
  ladder: Ladder;
  /** Returns and relationship length by the band of each person's first NPS answer (retention.ts). */
  retention: BandRetention[];
  /** Time in the service stage and CSAT by it (service.ts), and CSAT by channel. */
  service: ServiceSummary & { byChannel: Array<{ channel: string; csat: Summary }> };
  comments: { total: number; rows: CommentRow[] };
  commentStages: string[];
  filters: CommentView;
  /** The versions the page offers, and the hash `filters.version` stands for (null: every version). */
  versions: VersionChoice[];
  configHash: string | null;
}

/** Options of {@link buildReport}. */
export const REPORT_DEFAULTS = {
  /** Track events that end a service visit (a question answered, a ticket closed). */
  resolutionEvents: SERVICE_DEFAULTS.resolutionEvents,
};

type Counted = ScoreCount & { metric: string };

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
const stageOrder = (a: string, b: string) => {
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

/** Service visits from the events of the sessions that entered the stage, in order. */
function serviceVisits(rows: readonly SessionEventRow[], resolutionEvents: string[]) {
  const bySession = new Map<string, SessionEventRow[]>();
  for (const row of rows) {
    const list = bySession.get(row.sessionId) ?? [];
    list.push(row);
    bySession.set(row.sessionId, list);
  }
  return [...bySession.values()].flatMap((events) => serviceVisit(events, { resolutionEvents }) ?? []);
}

/** Gathers the page's data from the store. */
export async function buildReport(
  store: Queryable,
  filters: CommentView,
  options: Partial<typeof REPORT_DEFAULTS> = {},
): Promise<Report> {
  const { resolutionEvents } = { ...REPORT_DEFAULTS, ...options };
  const version = await hashOfVersion(store, filters.version);
  const { configHash } = version;
  const view = version.problem ? { ...filters, problems: [...filters.problems, version.problem] } : filters;
  const [steps, people, serviceRows, channels] = await Promise.all([
    stepCounts(store),
    personHistories(store),
    sessionsEntering(store, SERVICE_DEFAULTS.stage),
    csatByChannel(store),
  ]);
  const [counts, total, reached, churn, markers, listed, stages, versions] = await Promise.all([
    scoreCounts(store, configHash),
    totals(store),
    stageVisitors(store),
    churnOrigins(store),
    trailMarkerCounts(store),
    comments(store, { ...view, configHash }),
    commentStages(store),
    versionChoices(store),
  ]);
  const overall = rollup(counts, () => 'all').get('all') ?? noAnswers();
  const { histories, activity } = assemblePeople(people.sessions, people.answers);
  const daily = rollup(counts, (r) => r.day);
  const dayKeys = [...daily.keys()].sort();
  const days = daysBetween(dayKeys[0], dayKeys[dayKeys.length - 1]);
  return {
    totals: total as Report['totals'],
    overall,
    bySurvey: [...rollup(counts, (r) => `${r.surveyId}\u0000${r.metric}`)].map(([key, s]) => {
      const [surveyId, metric] = key.split('\u0000') as [string, Metric];
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
    drivers: findDrivers(steps),
    ladder: ladder(histories, total.first ?? Number.NaN, total.last ?? Number.NaN),
    retention: retention(activity, total.last ?? 0),
    service: {
      ...summarizeService(serviceVisits(serviceRows, resolutionEvents)),
      byChannel: [
        ...rollup(
          channels.map((c) => ({ ...c, metric: 'csat' })),
          (c) => c.channel,
        ),
      ].map(([channel, s]) => ({ channel, csat: s.csat })),
    },
    comments: listed,
    commentStages: [...new Set([...STAGES, ...stages])],
    filters: view,
    versions,
    configHash,
  };
}

const total3 = (s: ByMetric) => METRICS.reduce((n, m) => n + s[m].n, 0);
