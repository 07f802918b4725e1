// The reach estimate: how many people a week would see a survey, from the site's own recent
// traffic instead of a list of pages. Pure, over visits the collector stored (traffic.ts reads
// them), replayed as the coming days: the SDK's own rule (`eligibility` of
// `@touchpoint/core/rules`) judges each moment the SDK would judge, with the person's traits as
// their `identify` events gave them so far, the session's page views, and a survey history kept
// by the SDK's `noteHistory`; so the `when` conditions, the schedule, the cooldown and the
// site-wide limits count exactly as on the site. The sample then keeps its share.
import {
  eligibility,
  type History,
  type JsonValue,
  noteHistory,
  type Reason,
  type Survey,
  type TouchpointConfig,
} from '@touchpoint/core/rules';

/** One stored event, reduced to what targeting reads. */
export interface Visit {
  anonymousId: string;
  sessionId: string;
  ts: number;
  type: string;
  name?: string | null;
  stage?: string | null;
  path: string;
  /** For an `identify` event, the traits it gave. */
  traits?: Record<string, JsonValue> | null | undefined;
}

type Traits = Record<string, JsonValue>;

export interface Estimate {
  /** Days of traffic read. */
  windowDays: number;
  /** Sessions in the traffic, and those meeting the survey's `when`. */
  sessions: number;
  qualifying: number;
  /** Qualifying sessions within the cooldown of an earlier showing to the same person. */
  heldBack: number;
  /** Qualifying sessions the site-wide limits (`maxPerSession`, `minDaysBetweenSurveys`) hold back. */
  limited: number;
  /** Qualifying sessions outside the survey's `startsAt` / `endsAt`, replayed as the coming days. */
  outsideSchedule: number;
  /** People a week who would see it: showings × sample, scaled to 7 days. */
  perWeek: number;
  /** Share of qualifying sessions held back by the cooldown, 0–1. */
  heldBackShare: number;
}

/** What else the estimate needs to know besides the survey and the traffic. */
export interface EstimateOptions {
  /** When the estimate is made (epoch ms): the traffic is replayed as the `windowDays` after it. */
  now?: number | undefined;
  /** The configuration's site-wide `limits`; the SDK's defaults without them. */
  limits?: TouchpointConfig['limits'];
}

const DAY = 86_400_000;

/** The conditions that say whether a moment is one the survey targets; the others gate it. */
const TARGETING = new Set<Reason['rule']>(['pages', 'event', 'stage', 'afterPageViews', 'user']);

/** Why a qualifying session was not shown it: the first gate that refused, in this order. */
const GATES: [keyof Pick<Estimate, 'outsideSchedule' | 'heldBack' | 'limited'>, Reason['rule'][]][] = [
  ['outsideSchedule', ['startsAt', 'endsAt']],
  ['heldBack', ['cooldown', 'answered']],
  ['limited', ['maxPerSession', 'minDaysBetweenSurveys']],
];

/** What one session came to: never qualifying, shown, or refused by a gate at its first qualifying moment. */
type Outcome = 'none' | 'shown' | (typeof GATES)[number][0] | 'other';

/** The moments the SDK judges a survey at: its event, else a page view (and identify() or stage() after it). */
const isMoment = (survey: Survey, v: Visit): boolean =>
  survey.when?.event === undefined
    ? v.type === 'page' || v.type === 'identify' || v.type === 'stage'
    : v.type === 'track' && v.name === survey.when.event;

/**
 * Estimates a survey's reach over `windowDays` of traffic. `visits` may come in any order. The
 * sample is left to the end, as a share: it is drawn per person, so it keeps that share of
 * whatever the other rules let through.
 */
export function estimateReach(
  survey: Survey,
  visits: readonly Visit[],
  windowDays: number,
  { now, limits }: EstimateOptions = {},
): Estimate {
  const { sample = 1, ...unsampled } = survey;
  // Given the time the estimate is made, the traffic (the `windowDays` before it) is played
  // again as the `windowDays` after it: the schedule is judged on the days the survey would run,
  // and every wait keeps its length. Without it, each visit is judged at its own time.
  const shift = now === undefined ? 0 : windowDays * DAY;
  const outcomes = new Map<string, Outcome>();
  const pageViews = new Map<string, number>();
  // Traits and the survey history stay on the device across sessions.
  const traitsOf = new Map<string, Traits>();
  const historyOf = new Map<string, History>();
  for (const v of [...visits].sort((a, b) => a.ts - b.ts)) {
    const person = v.anonymousId;
    if (!outcomes.has(v.sessionId)) outcomes.set(v.sessionId, 'none');
    if (v.type === 'identify') traitsOf.set(person, { ...traitsOf.get(person), ...v.traits });
    if (v.type === 'page') pageViews.set(v.sessionId, (pageViews.get(v.sessionId) ?? 0) + 1);
    const outcome = outcomes.get(v.sessionId);
    if (outcome === 'shown' || !isMoment(survey, v)) continue;
    const time = v.ts + shift;
    const history = historyOf.get(person) ?? { surveys: {} };
    const reasons = eligibility(
      unsampled,
      {
        path: v.path,
        stage: v.stage ?? undefined,
        event: v.type === 'track' ? { name: v.name ?? undefined, stage: v.stage ?? undefined } : undefined,
        pageViews: pageViews.get(v.sessionId) ?? 0,
        anonymousId: person,
        sessionId: v.sessionId,
        consented: true,
        limits,
        traits: traitsOf.get(person),
      },
      history,
      time,
    );
    if (!reasons.every((r) => r.ok || !TARGETING.has(r.rule))) continue;
    if (reasons.every((r) => r.ok)) {
      outcomes.set(v.sessionId, 'shown');
      historyOf.set(person, noteHistory(history, 'shown', survey.id, v.sessionId, time));
    } else if (outcome === 'none') {
      const gate = GATES.find(([, rules]) => reasons.some((r) => !r.ok && rules.includes(r.rule)));
      outcomes.set(v.sessionId, gate?.[0] ?? 'other');
    }
  }
  const count = (outcome: Outcome) => [...outcomes.values()].filter((o) => o === outcome).length;
  const shown = count('shown');
  const heldBack = count('heldBack');
  const qualifying = outcomes.size - count('none');
  return {
    windowDays,
    sessions: outcomes.size,
    qualifying,
    heldBack,
    limited: count('limited'),
    outsideSchedule: count('outsideSchedule'),
    perWeek: windowDays > 0 ? (shown * sample * 7) / windowDays : 0,
    heldBackShare: qualifying ? heldBack / qualifying : 0,
  };
}
