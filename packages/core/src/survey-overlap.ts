// Where two surveys compete for the same moment, and which one the browser shows there: the
// overlap warnings of `touchpoint lint`. Derived from the surveys' own globs and conditions.
import { schedulesMeet, traitsMeet } from './can-coincide.js';
import { firstShown } from './first-shown.js';
import { matchPages } from './glob.js';
import { commonPath } from './glob-overlap.js';
import { pickSurvey } from './pick-survey.js';
import type { Survey } from './types.js';

/** Two conditions are compatible when either is absent or both ask for the same value. */
const compatible = (a: string | undefined, b: string | undefined) =>
  a === undefined || b === undefined || a === b;

/** The inclusion globs of a survey; none means every page, as the eligibility rule treats it. */
const inclusions = (s: Survey) => {
  const globs = (s.when?.pages ?? []).filter((g) => g[0] !== '!');
  return globs.length ? globs : ['/**'];
};

/**
 * Paths where two sets of page globs may both match, derived from the globs themselves: for
 * each pair of inclusions, a path both match, the same one level deeper, and both again with
 * another filler for the wildcards, so an exclusion of one path (`!/`, `!/help/x`) never hides
 * the rest of an overlap. Only candidates: the caller keeps those `matchPages` accepts.
 */
export function candidatePaths(a: readonly string[], b: readonly string[]): string[] {
  const paths = new Set<string>();
  for (const x of a)
    for (const y of b)
      for (const filler of ['x', 'tp-lint'])
        for (const [p, q] of [
          [x, y],
          [x, `${y}/*`],
          [`${x}/*`, y],
        ] as const) {
          const path = commonPath(p, q, filler);
          if (path) paths.add(path);
        }
  return [...paths];
}

/**
 * A page where both surveys can be due at the same moment, if any: their `pages` overlap
 * (on a listed page, or on a path derived from their globs), and their `event` and `stage`
 * conditions do not exclude each other.
 */
export function sharedPage(a: Survey, b: Survey, pages: readonly string[] = []): string | undefined {
  if (!compatible(a.when?.event, b.when?.event) || !compatible(a.when?.stage, b.when?.stage))
    return undefined;
  if (!schedulesMeet(a, b) || !traitsMeet(a, b)) return undefined;
  const both = (path: string) =>
    matchPages(a.when?.pages ?? [], path).ok && matchPages(b.when?.pages ?? [], path).ok;
  return [...pages, ...candidatePaths(inclusions(a), inclusions(b))].find(both);
}

/**
 * Which of two surveys due on the same page shows, as the browser decides it (first-shown.ts):
 * on the page view, the one `pickSurvey` picks among those due on it; on the event, the one
 * it picks of the two.
 */
export function winner(a: Survey, b: Survey, event: string | undefined): Survey {
  const onPageView = pickSurvey([a, b], (s) => s.when?.event === undefined);
  const onEvent = event === undefined ? undefined : pickSurvey([a, b], () => true);
  return (firstShown(onPageView, onEvent) ?? { survey: pickSurvey([a, b], () => true) as Survey }).survey;
}

/** Why `winner` picked as it did, in the words of the overlap warning. */
export function why(a: Survey, b: Survey, event: string | undefined): string {
  const onPageView = pickSurvey([a, b], (s) => s.when?.event === undefined);
  const onEvent = event === undefined ? undefined : pickSurvey([a, b], () => true);
  const shown = firstShown(onPageView, onEvent);
  const id = `"${winner(a, b, event).id}" wins`;
  if (shown?.overtook)
    return `${id}, being shown on ${event} while "${shown.overtook.id}" waits its delayMs of ${shown.overtook.when?.delayMs} ms`;
  if (shown && shown.survey !== onEvent && event !== undefined)
    return `${id}, being due on the page view, before ${event}`;
  return `${id}, being first in the config`;
}
