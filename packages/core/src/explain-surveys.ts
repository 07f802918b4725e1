// `tp.explain()`: each survey as the eligibility rule judges it, with what the triggers hold
// for it on this page beside the rules (a prompt coming, a delay running, a page view that has
// already picked), so a reader such as the `?tp_debug=1` overlay can say what the page will do,
// not only what the rules allow. Pure.
import { isEligible } from './pick-survey.js';
import type { Reason } from './reason.js';
import type { TriggerState } from './trigger-state.js';
import type { Explanation, Survey } from './types.js';

/**
 * Every survey of the configuration in use, judged by `check`. `left` says how long a survey
 * still waits for its `delayMs`, if it does.
 */
export function explainSurveys(
  state: TriggerState,
  check: (survey: Survey) => Reason[],
  left: (surveyId: string) => number | undefined,
): Explanation[] {
  return (state._config.surveys ?? []).map((survey) => {
    const reasons = check(survey);
    // The pick is due at once once its wait is over, until its prompt is on screen.
    const dueInMs = left(survey.id) ?? (survey.id === state._pick ? 0 : undefined);
    return {
      id: survey.id,
      eligible: isEligible(reasons),
      ...(survey.priority !== undefined && { priority: survey.priority }),
      reasons,
      ...(dueInMs !== undefined && { dueInMs }),
      // A page view decides once: its other page-view surveys, and its pick once shown, wait for the next.
      ...(state._viewDecided && dueInMs === undefined && !survey.when?.event && { decided: true as const }),
    };
  });
}
