// `touchpoint explain`: what `tp.explain()` says in the browser, for a URL on the command
// line. The same `eligibility` rule over the same inputs the triggers give it: the page's
// path and stage (`--stage`, else the config's `stages`), the event being judged, and a
// visitor on the first page of a fresh session with no survey history.
import {
  type Explanation,
  eligibility,
  formatReason,
  isEligible,
  pickSurvey,
  stageFor,
  type TouchpointConfig,
} from '@touchpoint/core/rules';

/** What to explain. */
export interface ExplainOptions {
  /** A path (`/checkout/done`) or a full URL; only its path counts, as written, as in the browser. */
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
  explanations: Explanation[];
  /** The survey that shows, as the triggers pick it; none when no survey is eligible. */
  shows: string | undefined;
}

/** Each survey of `config`: eligible on that page and moment, or why not. Pure. */
export function explainUrl(config: TouchpointConfig, options: ExplainOptions, now: number): ExplainedPage {
  let path = options.url;
  try {
    path = new URL(options.url, 'http://localhost').pathname;
  } catch {
    // Not a URL: judged as a path, as written.
  }
  const stage = options.stage ?? stageFor(config.stages, path);
  const explanations = (config.surveys ?? []).map((survey) => {
    const reasons = eligibility(
      survey,
      {
        path,
        stage,
        event: options.event === undefined ? undefined : { name: options.event, stage },
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
  return { path, stage, explanations, shows: pickSurvey(explanations, (e) => e.eligible)?.id };
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
    page.shows ? `shows: ${page.shows} (the first eligible survey in config order)` : 'shows: none',
  );
  return lines;
}
