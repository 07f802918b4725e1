// What the triggers do at one moment (a page view, or a tracked event): the survey they act
// on, or none. The triggers decide with it on the page, and the `?tp_debug=1` overlay asks it
// what they would do on an event, so the overlay says what the page will do. Pure.
import { pickSurvey } from './pick-survey.js';
import { candidatesAt } from './survey-index.js';
import type { Moment, TriggerState } from './trigger-state.js';
import type { Survey } from './types.js';

/**
 * The survey the triggers act on among one moment's `candidates` (in configuration order),
 * judged by `eligible`: the one `pickSurvey` picks, unless the page's pick still `waiting` for
 * its `delayMs` ranks higher. That survey keeps its place: the new pick is dropped, rather than
 * overtaking it. A new pick that ranks higher wins, and the triggers cancel the wait. `surveys`
 * is the whole configuration, for its order.
 */
export function decideMoment<S>(
  candidates: readonly S[],
  eligible: (survey: S) => boolean,
  waiting: S | undefined,
  surveys: readonly S[],
): S | undefined {
  const survey = pickSurvey(candidates, eligible);
  if (!survey || !waiting || waiting === survey) return survey;
  const inFileOrder = [waiting, survey].sort((a, b) => surveys.indexOf(a) - surveys.indexOf(b));
  return pickSurvey(inFileOrder, () => true) === waiting ? undefined : survey;
}

/**
 * When the wait of the pick `surveyId` at `moment` is over: that survey, checked again in full by
 * the configuration in use now (the triggers' `state`), or none. Another survey may have shown,
 * consent may have changed, a new configuration may have changed or dropped it.
 */
export function dueAfterWait(
  state: Pick<TriggerState, '_config' | '_index'>,
  surveyId: string,
  moment: Moment,
  eligible: (survey: Survey) => boolean,
): Survey | undefined {
  const current = state._config.surveys?.find((survey) => survey.id === surveyId);
  return current && candidatesAt(state._index, moment?.name).includes(current) && eligible(current)
    ? current
    : undefined;
}
