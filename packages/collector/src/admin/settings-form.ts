// The site settings form's fields ⇄ the configuration's site-wide parts: the stages map,
// the fatigue limits and the preview origins. Surveys and unknown keys are kept as they are.
import { type FieldValues, linesOf, numberOf, objectAt, pairsOf, put, shown } from './form-values.js';

type Obj = Record<string, unknown>;

/** The configuration with the settings a submitted form describes. */
export function settingsFromForm(form: URLSearchParams, config: unknown): Obj {
  const next = objectAt(config);
  const stages = pairsOf(form.get('stages'));
  put(next, 'stages', stages.length ? Object.fromEntries(stages) : undefined);
  const limits = objectAt(next.limits);
  put(limits, 'maxPerSession', numberOf(form.get('limits.maxPerSession')));
  put(limits, 'minDaysBetweenSurveys', numberOf(form.get('limits.minDaysBetweenSurveys')));
  put(next, 'limits', limits);
  const origins = linesOf(form.get('previewOrigins'));
  put(next, 'previewOrigins', origins.length ? origins : undefined);
  return next;
}

export function settingsFields(config: unknown): FieldValues {
  const c = objectAt(config);
  const limits = objectAt(c.limits);
  return {
    stages: Object.entries(objectAt(c.stages))
      .map(([glob, stage]) => `${glob} = ${shown(stage)}`)
      .join('\n'),
    'limits.maxPerSession': shown(limits.maxPerSession),
    'limits.minDaysBetweenSurveys': shown(limits.minDaysBetweenSurveys),
    previewOrigins: Array.isArray(c.previewOrigins) ? c.previewOrigins.map(shown).join('\n') : '',
  };
}
