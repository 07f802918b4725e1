// The survey form's fields ⇄ a survey of the configuration. Pure: the route reads the body
// and validates the result with the SDK's validator. Keys the form does not show (fields a
// newer SDK knows) are kept from the survey being edited, never dropped by a save.
import { type FieldValues, linesOf, numberOf, objectAt, pairsOf, put, shown, textOf } from './form-values.js';

/** The score bands, in the order the form shows them. */
export const BANDS = ['low', 'mid', 'high'] as const;

type Obj = Record<string, unknown>;

/** The survey a submitted form describes, on top of `base` (the survey as it was). */
export function surveyFromForm(form: URLSearchParams, base: unknown = {}): Obj {
  const survey = objectAt(base);
  put(survey, 'id', textOf(form.get('id')));
  put(survey, 'metric', textOf(form.get('metric')));
  put(survey, 'question', textOf(form.get('question')));
  const when = objectAt(survey.when);
  const pages = linesOf(form.get('when.pages'));
  put(when, 'pages', pages.length ? pages : undefined);
  put(when, 'event', textOf(form.get('when.event')));
  put(when, 'stage', textOf(form.get('when.stage')));
  put(when, 'delayMs', numberOf(form.get('when.delayMs')));
  put(when, 'afterPageViews', numberOf(form.get('when.afterPageViews')));
  put(survey, 'when', when);
  put(survey, 'sample', numberOf(form.get('sample')));
  put(survey, 'cooldownDays', numberOf(form.get('cooldownDays')));
  put(survey, 'repeatAfterDays', numberOf(form.get('repeatAfterDays')));
  const followUp = objectAt(survey.followUp);
  const links = objectAt(survey.links);
  for (const band of BANDS) {
    put(followUp, band, textOf(form.get(`followUp.${band}`)));
    const label = textOf(form.get(`links.${band}.label`));
    const url = textOf(form.get(`links.${band}.url`));
    // One half of a link is kept, so the validator says which half is missing.
    put(links, band, label === undefined && url === undefined ? undefined : { label, url });
  }
  put(survey, 'followUp', followUp);
  put(survey, 'links', links);
  const strings = pairsOf(form.get('strings'));
  put(survey, 'strings', strings.length ? Object.fromEntries(strings) : undefined);
  return survey;
}

/** What each field of the form shows for `survey`. */
export function surveyFields(survey: unknown): FieldValues {
  const s = objectAt(survey);
  const when = objectAt(s.when);
  const followUp = objectAt(s.followUp);
  const links = objectAt(s.links);
  const fields: FieldValues = {
    id: shown(s.id),
    metric: shown(s.metric),
    question: shown(s.question),
    'when.pages': Array.isArray(when.pages) ? when.pages.map(shown).join('\n') : shown(when.pages),
    'when.event': shown(when.event),
    'when.stage': shown(when.stage),
    'when.delayMs': shown(when.delayMs),
    'when.afterPageViews': shown(when.afterPageViews),
    sample: shown(s.sample),
    cooldownDays: shown(s.cooldownDays),
    repeatAfterDays: shown(s.repeatAfterDays),
    strings: Object.entries(objectAt(s.strings))
      .map(([key, value]) => `${key} = ${shown(value)}`)
      .join('\n'),
  };
  for (const band of BANDS) {
    fields[`followUp.${band}`] = shown(followUp[band]);
    const link = objectAt(links[band]);
    fields[`links.${band}.label`] = shown(link.label);
    fields[`links.${band}.url`] = shown(link.url);
  }
  return fields;
}
