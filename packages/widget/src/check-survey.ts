import type { Survey } from '@touchpoint/core';
import { pickStrings } from './pick-strings.js';
import { SCALES } from './scales.js';
import { warnOnce } from './warn.js';

const BANDS = ['low', 'mid', 'high'] as const;

/**
 * Only http(s) and same-origin relative links may be shown: a `javascript:` URL in the
 * configuration would otherwise run in the host page when a visitor clicks it.
 */
function safeUrl(url: unknown): boolean {
  try {
    return typeof url === 'string' && /^https?:$/.test(new URL(url, location.href).protocol);
  } catch {
    return false;
  }
}

/**
 * The survey as the prompt can show it, or null. The core validates the configuration, but
 * the widget also receives surveys forced by hand and from older cores, so it checks what it
 * relies on: drops unsafe links and unknown or non-text `strings`, each reported once.
 */
export function checkSurvey(input: unknown): Survey | null {
  const s = input as Survey | null | undefined;
  if (!s || typeof s.id !== 'string' || !Object.hasOwn(SCALES, s.metric) || typeof s.question !== 'string') {
    warnOnce(
      `survey:${s?.id}`,
      `survey "${s?.id}": needs id, metric (nps|csat|ces) and question; not shown.`,
    );
    return null;
  }
  const links: Survey['links'] = {};
  for (const b of BANDS) {
    const link = s.links?.[b];
    if (!link) continue;
    if (safeUrl(link.url) && typeof link.label === 'string') links[b] = link;
    else
      warnOnce(`link:${s.id}:${b}`, `survey "${s.id}" links.${b}: needs label and an http(s) url; left out.`);
  }
  return { ...s, links, strings: pickStrings(s.strings, `survey "${s.id}" strings`) };
}
