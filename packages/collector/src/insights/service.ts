// Service speed: for each session that enters the `service` stage, the time from its first
// service event to a resolution event (a track event named in `resolutionEvents`) or to
// leaving the stage (the next event in another stage), whichever comes first; sessions
// with neither are open. Then CSAT by that time. Pure.
import { type Band, band } from './metrics.js';
import { median } from './retention.js';

/** One event of a session, in order. */
export interface ServiceEvent {
  ts: number;
  stage: string | null;
  type: string;
  name: string | null;
  metric: string | null;
  score: number | null;
}

export type Outcome = 'resolved' | 'left' | 'open';

export interface ServiceVisit {
  outcome: Outcome;
  /** Minutes from entering the stage to the outcome; null when open. */
  minutes: number | null;
  /** The band of the first CSAT answer given after entering the stage, if any. */
  csat: Band | null;
}

/** Options of {@link serviceVisit}. */
export const SERVICE_DEFAULTS = {
  /** Track events that mean a question was answered or a ticket closed. */
  resolutionEvents: ['help_resolved', 'ticket_closed'] as string[],
  stage: 'service',
};

/** The time buckets CSAT is shown by: upper bounds in minutes, the last open-ended. */
export const SPEED_BUCKETS: ReadonlyArray<{ label: string; upTo: number }> = [
  { label: 'under 5 min', upTo: 5 },
  { label: '5–30 min', upTo: 30 },
  { label: '30 min – 4 h', upTo: 240 },
  { label: 'over 4 h', upTo: Number.POSITIVE_INFINITY },
];

/** A visit's bucket label, or 'not resolved' for an open one. */
export const bucketOf = (minutes: number | null): string =>
  minutes === null ? 'not resolved' : (SPEED_BUCKETS.find((b) => minutes < b.upTo)?.label ?? 'over 4 h');

/** The service visit of one session's events (sorted by time), or null if it never entered the stage. */
export function serviceVisit(
  events: readonly ServiceEvent[],
  options: Partial<typeof SERVICE_DEFAULTS> = {},
): ServiceVisit | null {
  const { resolutionEvents, stage } = { ...SERVICE_DEFAULTS, ...options };
  const start = events.findIndex((e) => e.stage === stage);
  if (start < 0) return null;
  const entered = (events[start] as ServiceEvent).ts;
  const after = events.slice(start + 1);
  const end = after.find(
    (e) =>
      (e.type === 'track' && e.name !== null && resolutionEvents.includes(e.name)) ||
      (e.stage !== null && e.stage !== stage),
  );
  const answer = events.slice(start).find((e) => e.type === 'survey_answered' && e.metric === 'csat');
  return {
    outcome: !end
      ? 'open'
      : end.type === 'track' && resolutionEvents.includes(end.name ?? '')
        ? 'resolved'
        : 'left',
    minutes: end ? (end.ts - entered) / 60_000 : null,
    csat: answer ? (band('csat', answer.score) ?? null) : null,
  };
}

export interface ServiceSummary {
  visits: number;
  outcomes: Record<Outcome, number>;
  /** Median minutes to resolution or leaving, over visits that ended; null with none. */
  medianMinutes: number | null;
  /** Per time bucket (and 'not resolved'): visits, and the CSAT answers' band counts. */
  byTime: Array<{ bucket: string; visits: number; csat: Record<Band, number> }>;
}

/** Visits counted by outcome, time bucket and CSAT band (null: no CSAT answer). */
export interface ServiceGroup {
  outcome: Outcome;
  bucket: string;
  csat: Band | null;
  visits: number;
}

/** The summary from visits already counted by group (in SQL: service-figures.ts), and their median time. */
export function serviceSummary(groups: Iterable<ServiceGroup>, medianMinutes: number | null): ServiceSummary {
  const outcomes: Record<Outcome, number> = { resolved: 0, left: 0, open: 0 };
  const buckets = [...SPEED_BUCKETS.map((b) => b.label), 'not resolved'];
  const byTime = buckets.map((bucket) => ({ bucket, visits: 0, csat: { low: 0, mid: 0, high: 0 } }));
  let visits = 0;
  for (const g of groups) {
    visits += g.visits;
    outcomes[g.outcome] += g.visits;
    const row = byTime[buckets.indexOf(g.bucket)];
    if (!row) continue;
    row.visits += g.visits;
    if (g.csat) row.csat[g.csat] += g.visits;
  }
  return { visits, outcomes, medianMinutes, byTime };
}

/** Service visits rolled up for the page and its JSON. */
export function summarizeService(visits: readonly ServiceVisit[]): ServiceSummary {
  const groups = visits.map((v) => ({
    outcome: v.outcome,
    bucket: bucketOf(v.minutes),
    csat: v.csat,
    visits: 1,
  }));
  return serviceSummary(groups, median(visits.flatMap((v) => (v.minutes === null ? [] : [v.minutes]))));
}
