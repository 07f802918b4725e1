// `touchpoint simulate`: many visitors walk the site over many days, and every page view
// and event is judged by the core's own `eligibility` rule with a history per visitor,
// exactly as the triggers judge it in the browser: config order decides, sampling is the
// browser's `sampleBucket` over the visitor's anonymous id, cooldowns and limits apply.
import {
  DAY_MS,
  eligibility,
  firstShown,
  type History,
  isEligible,
  noteHistory,
  pickSurvey,
  type Reason,
  type Survey,
  stageFor,
  type TouchpointConfig,
} from '@touchpoint/core/rules';
import { createRandom, randomUuid } from './prng.js';
import { MOMENT, type Simulation, SUPPRESSION, type SurveyTotals } from './simulation.js';
import { type TraitProfile, traitsFor } from './traits-file.js';
import { pageLines, type Step, type StepEvent, type Walks } from './walks.js';

/** How the simulated visitors behave. Every field is a flag of `touchpoint simulate`. */
export interface SimulateOptions {
  visitors: number;
  days: number;
  /** Same seed, same visitors, visits and answers. */
  seed: number;
  /** Chance that a visitor comes back on any later day; the first visit is on a random day. */
  visitRate: number;
  /** Pages per visit when walking a pages list (a journey file sets its own). */
  pagesPerVisit: number;
  /** Chance that a shown survey is answered rather than dismissed (answered surveys wait for `repeatAfterDays`). */
  answerRate: number;
  /** The first day simulated, epoch ms (`--date`): schedules are judged against the simulated days. */
  start: number;
  /**
   * The visitors' `identify()` traits (`--traits`), drawn once per visitor; none: no visitor
   * is identified, so no `when.user` condition holds.
   */
  traits: readonly TraitProfile[];
}

/** Defaults of {@link simulate}: about ten visits per visitor over 90 days. */
export const SIMULATE_DEFAULTS: SimulateOptions = {
  visitors: 10_000,
  days: 90,
  seed: 1,
  visitRate: 0.1,
  pagesPerVisit: 3,
  answerRate: 0.3,
  start: Date.UTC(2025, 0, 1),
  traits: [],
};

/**
 * Simulates `options.visitors` visitors over `options.days` days. A visit is one session;
 * the prompt is closed (answered or dismissed) before the visitor's next page or event. A
 * page's first event happens while a survey picked on its page view waits its `delayMs`, so
 * the event's survey may show instead (first-shown.ts); later events come after the wait.
 * Pure and deterministic per seed.
 */
export function simulate(
  config: TouchpointConfig,
  walks: Walks,
  options: Partial<SimulateOptions> = {},
): Simulation {
  const settings = { ...SIMULATE_DEFAULTS, ...options };
  const random = createRandom(settings.seed);
  const surveys = config.surveys ?? [];
  const totals: SurveyTotals[] = surveys.map((s) => ({
    id: s.id,
    eligible: 0,
    shown: 0,
    suppressed: { sample: 0, cooldown: 0, limits: 0, other: 0 },
  }));
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
  // A page listed on several lines is one page: picked as often as any other, then one of its lines.
  const pages = pageLines(walks);
  const visit = (): Step[] =>
    walks.kind === 'journeys'
      ? pick(walks.journeys)
      : Array.from({ length: settings.pagesPerVisit }, () => pick(pick(pages)));
  if (!walks.journeys.length) return { surveys: totals };

  for (let visitor = 0; visitor < settings.visitors; visitor++) {
    const anonymousId = randomUuid(random);
    // Drawn only with a distribution, so a run without --traits draws exactly as before.
    const traits = settings.traits.length ? traitsFor(settings.traits, random()) : undefined;
    let history: History = { surveys: {} };
    // Per survey, what happened to this visitor: eligible, shown, and each rule that held it back.
    const seen = surveys.map(() => new Set<string>());
    const first = Math.floor(random() * settings.days);
    for (let day = first; day < settings.days; day++) {
      if (day > first && random() >= settings.visitRate) continue;
      const sessionId = `${anonymousId}/${day}`;
      let now = settings.start + day * DAY_MS + Math.floor(random() * 12) * 36e5;
      let pageViews = 0;
      /** Every survey judged at one moment, by the browser's rule. */
      const judge = (path: string, stage: string | undefined, event?: StepEvent) =>
        surveys.map((survey) =>
          eligibility(
            survey,
            {
              path,
              stage,
              event: event && { name: event.name, stage: event.stage ?? stage },
              pageViews,
              anonymousId,
              sessionId,
              consented: true,
              limits: config.limits,
              traits,
            },
            history,
            now,
          ),
        );
      /** The survey the triggers pick from one moment's judgements (in the order of `surveys`). */
      const pickAt = (judged: Reason[][]) =>
        pickSurvey(surveys, (survey) => isEligible(judged[surveys.indexOf(survey)] ?? []));
      /** What each survey's judgement at one moment says about it, given the survey shown then. */
      const tally = (judged: Reason[][], shown: Survey | undefined) =>
        judged.forEach((reasons, i) => {
          if (reasons.some((r) => !r.ok && MOMENT.has(r.rule))) return;
          const marks = seen[i] as Set<string>;
          marks.add('eligible');
          const failed = reasons.find((r) => !r.ok);
          if (failed) marks.add(SUPPRESSION[failed.rule] ?? 'other');
          else if (surveys[i] !== shown) marks.add('other');
        });
      const show = (survey: Survey | undefined) => {
        if (!survey) return;
        seen[surveys.indexOf(survey)]?.add('shown');
        history = noteHistory(history, 'shown', survey.id, sessionId, now);
        const close = random() < settings.answerRate ? 'answered' : 'dismissed';
        history = noteHistory(history, close, survey.id, sessionId, now);
      };
      for (const step of visit()) {
        pageViews++;
        now += 60_000;
        const stage = stageFor(config.stages, step.path);
        const atPageView = judge(step.path, stage);
        const [first, ...later] = step.events;
        const onPageView = pickAt(atPageView);
        // The page's first event comes while a survey picked on the page view waits its delayMs:
        // the survey the event picks may show first (first-shown.ts), as in the browser.
        if (first && onPageView?.when?.delayMs) {
          now += 1_000;
          const atEvent = judge(step.path, stage, first);
          const shown = firstShown(onPageView, pickAt(atEvent))?.survey;
          tally(atPageView, shown);
          tally(atEvent, shown);
          show(shown);
        } else {
          tally(atPageView, onPageView);
          show(onPageView);
        }
        for (const event of first && onPageView?.when?.delayMs ? later : step.events) {
          now += 10_000;
          const judged = judge(step.path, stage, event);
          const winner = pickAt(judged);
          tally(judged, winner);
          show(winner);
        }
      }
    }
    seen.forEach((marks, i) => {
      const t = totals[i] as SurveyTotals;
      if (marks.has('eligible')) t.eligible++;
      if (marks.has('shown')) t.shown++;
      for (const rule of ['sample', 'cooldown', 'limits', 'other'] as const)
        if (marks.has(rule)) t.suppressed[rule]++;
    });
  }
  return { surveys: totals };
}
