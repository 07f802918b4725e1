// Which survey shows when several are judged at one moment. Every caller asks this one
// function: the triggers on the page, and the CLI's explain, simulate and lint.
import type { Reason } from './reason.js';

/** A survey is eligible when every one of its conditions holds. */
export const isEligible = (reasons: readonly Reason[]): boolean => reasons.every((reason) => reason.ok);

/** A survey's (or an explanation's) `priority`; 0 when it has none. */
export const priorityOf = (survey: unknown): number => {
  const priority = (survey as { priority?: unknown } | undefined)?.priority;
  return typeof priority === 'number' ? priority : 0;
};

/**
 * The survey that shows among `surveys` (in configuration order), judged by `eligible`: the
 * eligible one with the highest `priority` wins, the first in configuration order among equal
 * priorities, even when it must still wait for its `delayMs`. `eligible` is called from the
 * highest priority down (file order within one) and no further than the winner.
 */
export function pickSurvey<S>(surveys: readonly S[], eligible: (survey: S) => boolean): S | undefined {
  // Array.prototype.sort is stable (ES2019), so equal priorities keep file order. Most
  // configurations set no priority: they skip the copy and the sort (simulate calls this often).
  const ranked = surveys.some((survey) => priorityOf(survey) !== 0)
    ? surveys.slice().sort((a, b) => priorityOf(b) - priorityOf(a))
    : surveys;
  for (const survey of ranked) if (eligible(survey)) return survey;
  return undefined;
}
