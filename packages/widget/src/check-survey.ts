import type { Band, Metric } from '@touchpoint/core';
import { isShownLinkUrl } from '@touchpoint/core/rules';
import type { Strings } from './locales/en.js';
import { pickText } from './localized.js';
import { pickStrings } from './pick-strings.js';
import { SCALES } from './scales.js';
import { warnOnce } from './warn.js';

const BANDS = ['low', 'mid', 'high'] as const;

/** A survey as the prompt shows it: checked, with every text picked for the prompt's language. */
export interface ShownSurvey {
  id: string;
  metric: Metric;
  question: string;
  followUp: Partial<Record<Band, string>>;
  links: Partial<Record<Band, { label: string; url: string }>>;
  strings: Partial<Strings>;
}

/**
 * The survey as the prompt can show it in the language `lang`, or null. The core validates the
 * configuration, but the widget also receives surveys forced by hand and from older cores, so it
 * checks what it relies on: drops unsafe links and unknown or non-text `strings`, each reported
 * once. `question`, `followUp` texts, link labels and `strings` values may each be a string or
 * a map by language (see pickText).
 */
export function checkSurvey(input: unknown, lang = ''): ShownSurvey | null {
  const survey = input as Record<string, unknown> | null | undefined;
  const id = survey?.id;
  const question = pickText(survey?.question, lang);
  if (!survey || typeof id !== 'string' || !Object.hasOwn(SCALES, survey.metric as string) || !question) {
    warnOnce(`survey:${id}`, `survey "${id}": needs id, metric (nps|csat|ces) and question; not shown.`);
    return null;
  }
  const given = (survey.followUp ?? {}) as Record<string, unknown>;
  const givenLinks = (survey.links ?? {}) as Record<string, { label?: unknown; url?: unknown } | undefined>;
  const followUp: ShownSurvey['followUp'] = {};
  const links: ShownSurvey['links'] = {};
  for (const b of BANDS) {
    const text = pickText(given[b], lang);
    if (text) followUp[b] = text;
    const link = givenLinks[b];
    if (!link) continue;
    const label = pickText(link.label, lang);
    if (isShownLinkUrl(link.url, location.href) && label) links[b] = { label, url: link.url as string };
    else warnOnce(`link:${id}:${b}`, `survey "${id}" links.${b}: needs label and an http(s) url; left out.`);
  }
  const strings: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(survey.strings ?? {})) strings[key] = pickText(value, lang);
  return {
    id,
    metric: survey.metric as Metric,
    question,
    followUp,
    links,
    strings: pickStrings(strings, `survey "${id}" strings`),
  };
}
