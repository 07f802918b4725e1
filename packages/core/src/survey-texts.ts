// What the prompt can show of a survey's own texts: the keys `strings` may override and the
// links it may offer. The widget enforces these rules when a survey is due; `touchpoint lint`
// reports the same rules before the configuration ships. One definition for both.
import type { Survey } from './types.js';

/** Every built-in text of the prompt a survey's `strings` may override. */
export const SURVEY_STRING_KEYS = [
  'close',
  'announce',
  'nps0',
  'nps10',
  'csat1',
  'csat2',
  'csat3',
  'csat4',
  'csat5',
  'ces1',
  'ces2',
  'ces3',
  'ces4',
  'ces5',
  'ces6',
  'ces7',
  'followUp',
  'chosen',
  'change',
  'counter',
  'send',
  'thanks',
] as const;

/** A key of {@link SURVEY_STRING_KEYS}. */
export type SurveyStringKey = (typeof SURVEY_STRING_KEYS)[number];

/** True when `key` is a text the prompt has, so a survey's `strings` may set it. */
export const isSurveyStringKey = (key: string): key is SurveyStringKey =>
  (SURVEY_STRING_KEYS as readonly string[]).includes(key);

/**
 * True when the prompt may show a link to `url`: `http:` or `https:` once resolved against
 * `base` (the page's URL), so site-relative links pass and `javascript:`, `mailto:`, `tel:`
 * and `data:` do not (a `javascript:` URL would run in the host page when clicked).
 */
export function isShownLinkUrl(url: unknown, base: string): boolean {
  try {
    return typeof url === 'string' && /^https?:$/.test(new URL(url, base).protocol);
  } catch {
    return false;
  }
}

/** A survey text the prompt will leave out, with its path in the survey (`strings.title`). */
export interface SurveyTextProblem {
  path: string;
  message: string;
}

const BANDS = ['low', 'mid', 'high'] as const;

/**
 * What the prompt would leave out of `survey`, judged against `base` (the site's URL; any
 * https origin judges site-relative links the same). Pure: the widget warns and drops, the
 * CLI reports.
 */
export function surveyTextProblems(survey: Survey, base: string): SurveyTextProblem[] {
  const problems: SurveyTextProblem[] = [];
  for (const band of BANDS) {
    const link = survey.links?.[band];
    if (link && !isShownLinkUrl(link.url, base))
      problems.push({
        path: `links.${band}.url`,
        message: `${JSON.stringify(link.url)} is not an http(s) or site-relative URL; the prompt leaves the link out`,
      });
  }
  for (const key of Object.keys(survey.strings ?? {}))
    if (!isSurveyStringKey(key))
      problems.push({
        path: `strings[${JSON.stringify(key)}]`,
        message: 'not a text of the prompt; ignored',
      });
  return problems;
}
