// Everything the insights page shows, gathered from the store and rolled up with the
// formulas: the page (page.ts) only renders what this returns.
import type { Queryable } from '../database.js';
import { type CommentRow, commentStages, comments } from './comment-query.js';
import { type Driver, findDrivers } from './drivers.js';
import type { CommentView } from './filters.js';
import type { Ladder } from './ladder.js';
import { type FunnelRow, funnel, type Metric, STAGES, type Summary } from './metrics.js';
import { ladderFigures, retentionFigures } from './person-figures.js';
import {
  churnOrigins,
  csatByChannel,
  scoreCounts,
  stageVisitors,
  stepCounts,
  totals,
  trailMarkerCounts,
} from './queries.js';
import type { BandRetention } from './retention.js';
import {
  type ByMetric,
  daysBetween,
  type MarkerEffect,
  markerEffects,
  noAnswers,
  rollup,
  stageOrder,
  TREND_DAYS,
  total3,
  trailing,
} from './rollup.js';
import { SERVICE_DEFAULTS, type ServiceSummary } from './service.js';
import { serviceFigures } from './service-figures.js';
import { hashOfVersion, type VersionChoice, versionChoices } from './version-filter.js';

export interface Report {
  totals: {
    events: number;
    visitors: number;
    answers: number;
    comments: number;
    first: number | null;
    last: number | null;
    /** Events stored and not yet added to these figures (after a burst, they catch up). */
    pending: number;
    /** Events stored and set aside because adding them failed (the log names each); a rebuild tries them again. */
    skipped: number;
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
  const total = await totals(store);
  // The newest event's time, but never later than now: one event from a clock years ahead
  // (the wire takes any epoch) would otherwise move the ladder's months and retention's end
  // past every real answer.
  const dataEnd = Math.min(total.last ?? Number.NaN, Date.now());
  const [
    steps,
    ladder,
    retention,
    service,
    channels,
    counts,
    reached,
    churn,
    markers,
    listed,
    stages,
    versions,
  ] = await Promise.all([
    stepCounts(store),
    ladderFigures(store, total.first ?? Number.NaN, dataEnd),
    retentionFigures(store, Number.isNaN(dataEnd) ? 0 : dataEnd),
    serviceFigures(store, resolutionEvents),
    csatByChannel(store),
    scoreCounts(store, configHash),
    stageVisitors(store),
    churnOrigins(store),
    trailMarkerCounts(store),
    comments(store, { ...view, configHash }),
    commentStages(store),
    versionChoices(store),
  ]);
  const overall = rollup(counts, () => 'all').get('all') ?? noAnswers();
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
    ladder,
    retention,
    service: {
      ...service,
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
