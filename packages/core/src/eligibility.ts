// Whether one survey may show here and now, and why (not). One pure function used by the
// triggers, by `explain()` and later by a CLI that simulates visitors: no DOM, no storage,
// no clock; everything it looks at comes in as arguments.
import { matchPages } from './glob.js';
import type { History } from './history.js';
import { sampleBucket } from './sample.js';
import type { Reason, Survey, TouchpointConfig } from './types.js';

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
}

/** Fatigue limits when the configuration sets none: one survey per session. */
export const DEFAULT_LIMITS = { maxPerSession: 1, minDaysBetweenSurveys: 0 };

const DAY = 864e5;

/** Every condition of `survey` with its outcome; the survey is eligible when all are ok. */
export function eligibility(
  survey: Survey,
  ctx: EligibilityContext,
  history: History,
  now: number,
): Reason[] {
  const reasons: Reason[] = [];
  // One detail shape for every rule, `<what is> → needs <what it takes>`, costs the fewest bytes.
  const add = (rule: string, ok: boolean, is: unknown, needs: unknown) =>
    reasons.push({ rule, ok, detail: `${is}, needs ${needs}` });
  const { pages, event, stage, afterPageViews } = survey.when ?? {};
  const seen = history.surveys[survey.id] ?? {};
  const shown = history.session?.id === ctx.sessionId ? history.session.shown : 0;
  const { maxPerSession, minDaysBetweenSurveys } = { ...DEFAULT_LIMITS, ...ctx.limits };
  const ago = (rule: string, t: number, days: number | undefined) =>
    add(
      rule,
      days !== undefined && now - t >= days * DAY,
      `${+((now - t) / DAY).toFixed(1)} days ago`,
      days === undefined ? 'never' : `${days} days`,
    );

  add('consent', ctx.consented, ctx.consented ? 'given' : 'missing', 'given');
  if (pages) {
    const m = matchPages(pages, ctx.path);
    add('pages', m.ok, ctx.path, m.by ?? pages);
  }
  if (event) add('event', ctx.event?.name === event, ctx.event?.name ?? 'no event', event);
  if (stage) {
    const current = ctx.event?.stage ?? ctx.stage;
    add('stage', current === stage, current ?? 'no stage', stage);
  }
  if (afterPageViews) add('afterPageViews', ctx.pageViews >= afterPageViews, ctx.pageViews, afterPageViews);
  if (survey.sample !== undefined) {
    const bucket = sampleBucket(ctx.anonymousId, survey.id);
    add('sample', bucket < survey.sample * 100, `bucket ${bucket}`, `< ${survey.sample * 100}`);
  }
  if (seen.answered) ago('answered', seen.answered, survey.repeatAfterDays);
  const lastSeen = Math.max(seen.shown ?? 0, seen.dismissed ?? 0);
  if (survey.cooldownDays && lastSeen) ago('cooldown', lastSeen, survey.cooldownDays);
  add('maxPerSession', shown < maxPerSession, `${shown} shown`, `< ${maxPerSession}`);
  if (minDaysBetweenSurveys && history.last)
    ago('minDaysBetweenSurveys', history.last, minDaysBetweenSurveys);
  if (ctx.open) add('open', false, `${ctx.open} open`, 'none');
  return reasons;
}
