// Which survey the browser shows on a page where a track event follows the page view. The
// triggers pick a survey at each moment with `pickSurvey`; a survey due with a `delayMs` waits.
// A survey picked on the event that ranks higher than the page view's pick still waiting
// takes its place, and that wait is cancelled (decide-moment.ts): the event's survey wins,
// whatever its own wait. `lint`, `simulate` and `explain` all ask this one function, and a
// test holds it to the browser's triggers on a table of configurations.

/** The part of a survey the order of prompts depends on. */
interface Timed {
  when?: { delayMs?: number | undefined } | undefined;
}

/** The survey shown on the page, and at which moment it was picked. */
export interface Shown<S> {
  survey: S;
  on: 'page view' | 'event';
  /** The survey picked on the page view that was still waiting when the event's survey showed. */
  overtook?: S;
}

/**
 * The survey shown on a page, from the two picks of `pickSurvey`: `onPageView` when the page
 * is viewed, `onEvent` among the same surveys when the event happens right after it (nothing
 * shown yet; undefined without an event). A survey without `delayMs` shows at once and is open
 * for the event; one with a wait is overtaken by a different pick on the event, which ranks
 * higher since `pickSurvey` chose it over the page view's.
 */
export function firstShown<S extends Timed>(
  onPageView: S | undefined,
  onEvent: S | undefined,
): Shown<S> | undefined {
  if (!onPageView) return onEvent && { survey: onEvent, on: 'event' };
  if (!onEvent || onEvent === onPageView) return { survey: onPageView, on: 'page view' };
  return onPageView.when?.delayMs
    ? { survey: onEvent, on: 'event', overtook: onPageView }
    : { survey: onPageView, on: 'page view' };
}
