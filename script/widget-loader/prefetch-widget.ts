import type { Explanation, RuleName, Touchpoint } from '@touchpoint/core';

/**
 * The rules a survey may still pass on this page without a navigation: the visitor may yet do
 * the event, or reach the stage. (Consent is left out: a visitor may never give it.)
 */
const LATER_ON_THIS_PAGE: RuleName[] = ['event', 'stage'];

/**
 * Pure: does this survey wait only for something the visitor may still do on this page? Not
 * for an eligible survey: it is due now or after its delay, and the widget file loads then.
 */
export const mayBecomeDue = ({ eligible, reasons }: Explanation): boolean =>
  !eligible && reasons.every((reason) => reason.ok || LATER_ON_THIS_PAGE.includes(reason.rule));

/** When the browser is idle; Safari has no `requestIdleCallback`. */
const whenIdle = (work: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work);
  else setTimeout(work);
};

/**
 * Fetches the widget file ahead of need, as a `<link rel="prefetch">` hint, on a page where a
 * survey waits only for an event or a stage: when the visitor gets there, the prompt shows
 * without a round trip for the file (the browser's HTTP cache has it). Nothing runs before
 * then, so a visitor who never gets there pays a low-priority download, not Preact's heap.
 * Checked when the browser is idle after a configuration applies and after each page view
 * (SPA navigations too); at most one hint per page. `url` is read when the hint is added, so
 * it names the file of the page's language as it is then.
 */
export function prefetchWidget(tp: Touchpoint, url: () => string, idle = whenIdle): void {
  let pending = false;
  let done = false;
  const check = () => {
    pending = false;
    if (done || !tp.explain().some(mayBecomeDue)) return;
    done = true;
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = url();
    (document.head ?? document.documentElement).append(link);
  };
  const later = () => {
    if (done || pending) return;
    pending = true;
    idle(check);
  };
  tp.on('config', later);
  tp.on('page', later);
}
