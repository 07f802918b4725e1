// Which languages a survey's texts cover, against the site's languages. A site's languages
// are not configured anywhere, so they are taken from the file itself: every language any
// survey text is written in. A survey that covers some of them and not others leaves those
// pages with another language's text (the prompt falls back to English, then to the first
// text given), which `touchpoint lint` warns about.
import type { Localized, Survey } from './types.js';

/** One text of a survey and its path in the survey (`followUp.low`). */
interface Text {
  path: string;
  text: Localized;
}

const BANDS = ['low', 'mid', 'high'] as const;

/** Every text of `survey` the prompt may show, with its path. */
export function surveyTexts(survey: Survey): Text[] {
  const texts: Text[] = [{ path: 'question', text: survey.question }];
  for (const band of BANDS) {
    const followUp = survey.followUp?.[band];
    if (followUp !== undefined) texts.push({ path: `followUp.${band}`, text: followUp });
    const link = survey.links?.[band];
    if (link) texts.push({ path: `links.${band}.label`, text: link.label });
  }
  for (const [key, text] of Object.entries(survey.strings ?? {}))
    texts.push({ path: `strings[${JSON.stringify(key)}]`, text });
  return texts;
}

/** The language of a tag, as the prompt falls back to it: `pt-BR` → `pt`. */
const language = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] as string;

/** The languages one text is written in; none for a plain string (one text for every language). */
export const textLanguages = (text: Localized): string[] =>
  typeof text === 'string' ? [] : [...new Set(Object.keys(text).map(language))];

/** The site's languages: every language a text of any survey is written in, sorted. */
export function siteLanguages(surveys: readonly Survey[]): string[] {
  return [...new Set(surveys.flatMap((s) => surveyTexts(s).flatMap((t) => textLanguages(t.text))))].sort();
}

/** A text of a survey that misses some of the site's languages. */
export interface Gap {
  /** The text's path in the survey. */
  path: string;
  /** The languages it is written in (none for a plain string). */
  has: string[];
  /** The site's languages it lacks. */
  lacks: string[];
}

/**
 * The texts of `survey` that miss some of `site`'s languages, when the survey is translated
 * at all (a survey of plain strings only is one text for every language, by choice).
 */
export function localeGaps(survey: Survey, site: readonly string[]): Gap[] {
  const texts = surveyTexts(survey);
  if (!texts.some((t) => typeof t.text !== 'string')) return [];
  return texts.flatMap(({ path, text }) => {
    const has = textLanguages(text);
    const lacks = site.filter((lang) => !has.includes(lang));
    return lacks.length ? [{ path, has, lacks }] : [];
  });
}
