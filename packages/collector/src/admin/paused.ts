// Pausing a survey. The SDK's configuration has no such field, and none is invented for it:
// a paused survey is simply not published. The mark lives only in the editor's draft, as
// `"paused": true` on the survey, so it follows the survey through edits and renames; every
// configuration that leaves the editor (a published version, the preview draft) is
// `publishable`, and the validator and lint judge the draft `unmarked`, as the SDK would.
import { objectAt } from './form-values.js';

/** The draft-only key that marks a survey as paused. */
export const PAUSED_KEY = 'paused';

export const isPaused = (survey: unknown): boolean => objectAt(survey)[PAUSED_KEY] === true;

/** A survey without the pause mark. */
export function unmarkedSurvey(survey: unknown): unknown {
  if (typeof survey !== 'object' || survey === null || !(PAUSED_KEY in survey)) return survey;
  const { [PAUSED_KEY]: _mark, ...rest } = survey as Record<string, unknown>;
  return rest;
}

/** `survey` marked paused, or not. */
export const withPause = (survey: unknown, paused: boolean): unknown =>
  paused ? { ...objectAt(survey), [PAUSED_KEY]: true } : unmarkedSurvey(survey);

const mapSurveys = (config: unknown, change: (surveys: unknown[]) => unknown[]): unknown => {
  const c = objectAt(config);
  return Array.isArray(c.surveys) ? { ...c, surveys: change(c.surveys) } : config;
};

/** The draft as the SDK would read it, paused surveys still in place (so `surveys[i]` paths hold). */
export const unmarked = (config: unknown): unknown =>
  mapSurveys(config, (surveys) => surveys.map(unmarkedSurvey));

/** What may leave the editor: the draft without its paused surveys. */
export const publishable = (config: unknown): unknown =>
  mapSurveys(config, (surveys) => surveys.filter((survey) => !isPaused(survey)));
