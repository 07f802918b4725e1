// The survey form's fields ⇄ a survey of the configuration. Pure: the route reads the body
// and validates the result with the SDK's validator. Keys the form does not show (fields a
// newer SDK knows) are kept from the survey being edited, never dropped by a save. What the
// form itself cannot read (a line of conditions without an operator, a language given twice)
// comes back as findings on the field, beside the validator's.
import type { Problem } from '@touchpoint/core/rules';
import { type FieldValues, linesOf, numberOf, objectAt, pairsOf, put, shown, textOf } from './form-values.js';
import { languageLines, languagesField, localizedLines, localizedOf } from './localized-field.js';
import { traitLines, traitsOf } from './trait-field.js';

/** The score bands, in the order the form shows them. */
export const BANDS = ['low', 'mid', 'high'] as const;

/** The fields whose text may be given by language (each has a `<name>.languages` field too). */
export const TEXT_FIELDS = [
  'question',
  ...BANDS.map((band) => `followUp.${band}`),
  ...BANDS.map((band) => `links.${band}.label`),
];

type Obj = Record<string, unknown>;

/** What a submitted form describes, and what the form could not read (paths relative to the survey). */
export interface SurveyReading {
  survey: Obj;
  problems: Problem[];
}

/** The survey a submitted form describes, on top of `base` (the survey as it was). */
export function readSurveyForm(form: URLSearchParams, base: unknown = {}): SurveyReading {
  const problems: Problem[] = [];
  const error = (path: string, message: string) => problems.push({ level: 'error', path, message });
  const text = (name: string) => {
    const read = localizedOf(textOf(form.get(name)), pairsOf(form.get(languagesField(name))));
    if (read.problem) error(languagesField(name), read.problem);
    return read.value;
  };
  const survey = objectAt(base);
  put(survey, 'id', textOf(form.get('id')));
  put(survey, 'metric', textOf(form.get('metric')));
  put(survey, 'question', text('question'));
  const when = objectAt(survey.when);
  const pages = linesOf(form.get('when.pages'));
  put(when, 'pages', pages.length ? pages : undefined);
  put(when, 'event', textOf(form.get('when.event')));
  put(when, 'stage', textOf(form.get('when.stage')));
  put(when, 'delayMs', numberOf(form.get('when.delayMs')));
  put(when, 'afterPageViews', numberOf(form.get('when.afterPageViews')));
  const user = traitsOf(linesOf(form.get('when.user')));
  if (user.problem) error('when.user', user.problem);
  put(when, 'user', user.problem ? when.user : user.value);
  put(survey, 'when', when);
  put(survey, 'startsAt', textOf(form.get('startsAt')));
  put(survey, 'endsAt', textOf(form.get('endsAt')));
  put(survey, 'priority', numberOf(form.get('priority')));
  put(survey, 'sample', numberOf(form.get('sample')));
  put(survey, 'cooldownDays', numberOf(form.get('cooldownDays')));
  put(survey, 'repeatAfterDays', numberOf(form.get('repeatAfterDays')));
  const followUp = objectAt(survey.followUp);
  const links = objectAt(survey.links);
  for (const band of BANDS) {
    put(followUp, band, text(`followUp.${band}`));
    const label = text(`links.${band}.label`);
    const url = textOf(form.get(`links.${band}.url`));
    // One half of a link is kept, so the validator says which half is missing.
    put(links, band, label === undefined && url === undefined ? undefined : { label, url });
  }
  put(survey, 'followUp', followUp);
  put(survey, 'links', links);
  put(survey, 'strings', stringsOf(form.get('strings'), error));
  return { survey, problems };
}

/** readSurveyForm's survey alone. */
export const surveyFromForm = (form: URLSearchParams, base: unknown = {}): Obj =>
  readSurveyForm(form, base).survey;

/**
 * `strings`: `key = text` lines, and `key.tag = text` for a key's other languages, read with
 * the same rule as the other texts (the plain line is English once a key has languages).
 */
function stringsOf(value: string | null, error: (path: string, message: string) => void) {
  const byKey = new Map<string, { text?: string; languages: [string, string][] }>();
  for (const [name, text] of pairsOf(value)) {
    const dot = name.indexOf('.');
    const key = dot < 0 ? name : name.slice(0, dot);
    const entry = byKey.get(key) ?? { languages: [] };
    if (dot < 0) {
      if (entry.text !== undefined) error('strings', `"${key}" is given twice`);
      entry.text = text;
    } else entry.languages.push([name.slice(dot + 1), text]);
    byKey.set(key, entry);
  }
  const strings = [...byKey].map(([key, { text, languages }]) => {
    const read = localizedOf(text, languages);
    if (read.problem) error('strings', `${key}: ${read.problem}`);
    // A key with no text at all is kept as an empty text, so the validator names it.
    return [key, read.value ?? ''] as const;
  });
  return strings.length ? Object.fromEntries(strings) : undefined;
}

/** The form's `strings` lines for a survey's `strings`. */
function stringsLines(strings: unknown): string {
  return Object.entries(objectAt(strings))
    .flatMap(([key, value]) => {
      const { text, languages } = localizedLines(value);
      return [
        ...(text !== '' || !languages.length ? [`${key} = ${text}`] : []),
        ...languages.map(([tag, line]) => `${key}.${tag} = ${line}`),
      ];
    })
    .join('\n');
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
    'when.pages': Array.isArray(when.pages) ? when.pages.map(shown).join('\n') : shown(when.pages),
    'when.event': shown(when.event),
    'when.stage': shown(when.stage),
    'when.delayMs': shown(when.delayMs),
    'when.afterPageViews': shown(when.afterPageViews),
    'when.user': traitLines(when.user),
    startsAt: shown(s.startsAt),
    endsAt: shown(s.endsAt),
    priority: shown(s.priority),
    sample: shown(s.sample),
    cooldownDays: shown(s.cooldownDays),
    repeatAfterDays: shown(s.repeatAfterDays),
    strings: stringsLines(s.strings),
  };
  const text = (name: string, value: unknown) => {
    const lines = localizedLines(value);
    fields[name] = lines.text;
    fields[languagesField(name)] = languageLines(lines.languages);
  };
  text('question', s.question);
  for (const band of BANDS) {
    text(`followUp.${band}`, followUp[band]);
    const link = objectAt(links[band]);
    text(`links.${band}.label`, link.label);
    fields[`links.${band}.url`] = shown(link.url);
  }
  return fields;
}
