// `touchpoint explain`: what `tp.explain()` says in the browser, for a URL on the command
// line. The same `eligibility` rule over the same inputs the triggers give it: the page's
// path and stage (`--stage`, else the config's `stages`), the event being judged, and a
// visitor on the first page of a fresh session with no survey history. With `--event`, the
// page view is judged first, as it happens first in the browser (see the core's first-shown.ts).
import {
  type Explanation,
  eligibility,
  firstShown,
  formatReason,
  isEligible,
  pickSurvey,
  type Shown,
  type Survey,
  stageFor,
  type TouchpointConfig,
} from '@touchpoint/core/rules';
import { pagePath } from './page-path.js';

/** What to explain. */
export interface ExplainOptions {
  /** A path (`/checkout/done?order=1`) or a full URL; only its path counts, as in the browser. */
  url: string;
  /** Judge the moment this track event happens; without it, the page view (as `tp.explain()`). */
  event?: string | undefined;
  /** The page's stage, as `stage()` or `<body data-tp-stage>` would set it. */
  stage?: string | undefined;
  /** The anonymous id whose sample bucket is drawn. */
  visitor: string;
}

/** Defaults of {@link explainUrl}. */
export const EXPLAIN_DEFAULTS = {
  /** Any fixed id: sampling depends on it, so `--visitor` reproduces a real visitor's draw. */
  visitor: 'cli-visitor',
};

/** The page an explanation is about, as the rule saw it. */
export interface ExplainedPage {
  path: string;
  stage: string | undefined;
  /** At the moment explained: the event when one is given, else the page view. */
  explanations: Explanation[];
  /** The survey that shows, as the triggers pick it; none when no survey is eligible. */
  shows: string | undefined;
  /** Why it shows: picked on the page view or on the event, and the survey it overtook, if any. */
  shown?: Shown<Survey>;
}

/**
 * Each survey of `config`: eligible on that page and moment, or why not. With an event, the
 * page view comes first, as in the browser: a survey due on it may show before the event.
 * Pure.
 */
export function explainUrl(config: TouchpointConfig, options: ExplainOptions, now: number): ExplainedPage {
  const path = pagePath(options.url);
  const stage = options.stage ?? stageFor(config.stages, path);
  const surveys = config.surveys ?? [];
  const judge = (event: ExplainOptions['event']): Explanation[] =>
    surveys.map((survey) => {
      const reasons = eligibility(
        survey,
        {
          path,
          stage,
          event: event === undefined ? undefined : { name: event, stage },
          pageViews: 1,
          anonymousId: options.visitor,
          sessionId: 'cli',
          consented: true,
          limits: config.limits,
        },
        { surveys: {} },
        now,
      );
      return { id: survey.id, eligible: isEligible(reasons), reasons };
    });
  const atPageView = judge(undefined);
  const atEvent = options.event === undefined ? undefined : judge(options.event);
  /** The survey `pickSurvey` picks from one moment's explanations (in the order of `surveys`). */
  const pick = (explanations: Explanation[]) =>
    pickSurvey(surveys, (survey) => !!explanations[surveys.indexOf(survey)]?.eligible);
  const shown = firstShown(pick(atPageView), atEvent && pick(atEvent));
  return {
    path,
    stage,
    explanations: atEvent ?? atPageView,
    shows: shown?.survey.id,
    ...(shown && { shown }),
  };
}

/** Why the shown survey shows, in the words of `touchpoint lint`. */
function why(shown: Shown<Survey>, event: string | undefined): string {
  if (!event) return 'the first eligible survey in config order';
  if (shown.overtook)
    return `picked on ${event}, shown while "${shown.overtook.id}" waits its delayMs of ${shown.overtook.when?.delayMs} ms`;
  return shown.on === 'page view'
    ? `due on the page view, before ${event}`
    : 'the first eligible survey in config order';
}

/** The terminal text: every survey, every condition with ✓ or ✗, and which survey shows. */
export function formatExplanation(page: ExplainedPage, options: ExplainOptions): string[] {
  const lines = [
    `${page.path}  stage ${page.stage ?? '(none)'}  ${options.event ? `event ${options.event}` : 'page view'}  visitor ${options.visitor}`,
  ];
  for (const { id, eligible, reasons } of page.explanations) {
    lines.push('', `${id}: ${eligible ? 'eligible' : 'not eligible'}`);
    for (const r of reasons) lines.push(`  ${r.ok ? '✓' : '✗'} ${r.rule}: ${formatReason(r)}`);
  }
  lines.push(
    '',
    `shows: ${page.shown ? `${page.shown.survey.id} (${why(page.shown, options.event)})` : 'none'}`,
  );
  return lines;
}
