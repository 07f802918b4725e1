// Which survey shows when several are judged at one moment. Every caller asks this one
// function: the triggers on the page, and the CLI's explain, simulate and lint.
import type { Reason } from './reason.js';

/** A survey is eligible when every one of its conditions holds. */
export const isEligible = (reasons: readonly Reason[]): boolean => reasons.every((reason) => reason.ok);

/**
 * The survey that shows among `surveys` (in configuration order), judged by `eligible`: the
 * first eligible one wins, even when it must still wait for its `delayMs`. `eligible` is
 * called in order and no further than the winner.
 */
export function pickSurvey<S>(surveys: readonly S[], eligible: (survey: S) => boolean): S | undefined {
  for (const survey of surveys) if (eligible(survey)) return survey;
  return undefined;
}
