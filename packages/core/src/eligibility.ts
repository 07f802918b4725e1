// Whether one survey may show here and now, and why (not). One pure function used by the
// triggers, by `explain()` and later by a CLI that simulates visitors: no DOM, no storage,
// no clock; everything it looks at comes in as arguments.
import { matchPages } from './glob.js';
import type { History } from './history.js';
import type { Reason } from './reason.js';
import { bucketInSample, sampleBucket } from './sample.js';
import { parseScheduleDate } from './schedule.js';
import { DAY_MS } from './time.js';
import type { Props, Survey, TouchpointConfig } from './types.js';
import { traitMatches } from './user-traits.js';

/** Where the visitor is, and what just happened. */
export interface EligibilityContext {
  path: string;
  /** The page's stage: body `data-tp-stage`, else the config's `stages`. */
  stage?: string | undefined;
  /** The event being evaluated; none on `explain()`. A page view has neither name nor stage. */
  event?: { name?: string | undefined; stage?: string | undefined } | undefined;
  /** Page views in this session, this one included. */
  pageViews: number;
  anonymousId: string;
  sessionId: string;
  /** False while consent is required and not given: a survey's answers could not be sent. */
  consented: boolean;
  /** The survey whose prompt is open now, if any: one prompt at a time. */
  open?: string | undefined;
  limits?: TouchpointConfig['limits'];
  /** The traits `identify()` gave (those the configuration names); none before it. */
  traits?: Props | undefined;
}

/** Fatigue limits when the configuration sets none: one survey per session. */
export const DEFAULT_LIMITS = { maxPerSession: 1, minDaysBetweenSurveys: 0 };

/** Every condition of `survey` with its outcome; the survey is eligible when all are ok. */
export function eligibility(
  survey: Survey,
  ctx: EligibilityContext,
  history: History,
  now: number,
): Reason[] {
  const reasons: Reason[] = [];
  const { pages, event, stage, afterPageViews, user } = survey.when ?? {};
  const seen = history.surveys[survey.id] ?? {};
  const shown = history.session?.id === ctx.sessionId ? history.session.shown : 0;
  const { maxPerSession, minDaysBetweenSurveys } = { ...DEFAULT_LIMITS, ...ctx.limits };
  /** A wait of `days` since `since`: over once that many days have passed; never without days. */
  const waited = (rule: 'answered' | 'cooldown' | 'minDaysBetweenSurveys', since: number, days?: number) =>
    reasons.push({
      rule,
      ok: days !== undefined && now - since >= days * DAY_MS,
      actual: (now - since) / DAY_MS,
      needed: days,
    });

  reasons.push({ rule: 'consent', ok: ctx.consented, actual: ctx.consented, needed: true });
  if (pages) {
    const match = matchPages(pages, ctx.path);
    reasons.push({ rule: 'pages', ok: match.ok, actual: ctx.path, needed: match.by ?? pages });
  }
  if (event) {
    const happened = ctx.event?.name;
    reasons.push({ rule: 'event', ok: happened === event, actual: happened, needed: event });
  }
  if (stage) {
    const current = ctx.event?.stage ?? ctx.stage;
    reasons.push({ rule: 'stage', ok: current === stage, actual: current, needed: stage });
  }
  if (afterPageViews)
    reasons.push({
      rule: 'afterPageViews',
      ok: ctx.pageViews >= afterPageViews,
      actual: ctx.pageViews,
      needed: afterPageViews,
    });
  for (const [trait, needed] of Object.entries(user ?? {})) {
    const actual = ctx.traits?.[trait];
    reasons.push({ rule: 'user', trait, ok: traitMatches(actual, needed), actual, needed });
  }
  // The validator keeps only dates that parse; an unparsable one here (an unvalidated object)
  // fails closed.
  if (survey.startsAt !== undefined) {
    const from = parseScheduleDate(survey.startsAt) ?? Infinity;
    reasons.push({ rule: 'startsAt', ok: now >= from, actual: now, needed: from });
  }
  if (survey.endsAt !== undefined) {
    const until = parseScheduleDate(survey.endsAt) ?? -Infinity;
    reasons.push({ rule: 'endsAt', ok: now < until, actual: now, needed: until });
  }
  if (survey.sample !== undefined) {
    const bucket = sampleBucket(ctx.anonymousId, survey.id);
    reasons.push({
      rule: 'sample',
      ok: bucketInSample(bucket, survey.sample),
      actual: bucket,
      needed: survey.sample * 100,
    });
  }
  if (seen.answered) waited('answered', seen.answered, survey.repeatAfterDays);
  const lastSeen = Math.max(seen.shown ?? 0, seen.dismissed ?? 0);
  if (survey.cooldownDays && lastSeen) waited('cooldown', lastSeen, survey.cooldownDays);
  reasons.push({ rule: 'maxPerSession', ok: shown < maxPerSession, actual: shown, needed: maxPerSession });
  if (minDaysBetweenSurveys && history.last)
    waited('minDaysBetweenSurveys', history.last, minDaysBetweenSurveys);
  if (ctx.open) reasons.push({ rule: 'open', ok: false, actual: ctx.open, needed: undefined });
  return reasons;
}
