// Which surveys a moment can pick from, found by the moment's kind rather than by judging
// every survey: a page view decides the surveys without `when.event`, a tracked event only
// the surveys that wait for its name. Built once per configuration, so the cost of an event
// does not grow with the number of surveys. Pure.
import type { Survey } from './types.js';

/** The surveys of a configuration by the moment that decides them, each list in configuration order. */
export interface SurveyIndex<S extends Survey = Survey> {
  /** Surveys without `when.event`: decided once per page view. */
  _onPageView: readonly S[];
  /** Surveys by their `when.event`. No prototype: any event name is a key like another. */
  _byEvent: Readonly<Record<string, readonly S[]>>;
}

export function indexSurveys<S extends Survey>(surveys: readonly S[]): SurveyIndex<S> {
  const onPageView: S[] = [];
  const byEvent: Record<string, S[]> = Object.create(null);
  for (const survey of surveys) {
    const event = survey.when?.event;
    if (event === undefined) onPageView.push(survey);
    else {
      byEvent[event] ??= [];
      byEvent[event].push(survey);
    }
  }
  return { _onPageView: onPageView, _byEvent: byEvent };
}

/**
 * The candidates at a moment: a page view (no `eventName`) or a tracked event. A page-view
 * survey never shows on an event, so a click, `identify()` or `stage()` cannot bring back one
 * that was dismissed on the same page view.
 */
export const candidatesAt = <S extends Survey>(index: SurveyIndex<S>, eventName?: string): readonly S[] =>
  eventName === undefined ? index._onPageView : (index._byEvent[eventName] ?? []);
