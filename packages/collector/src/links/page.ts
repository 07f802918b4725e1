// The hosted page of a link survey, rendered on the server: an HTML shell whose only scripts
// are same-origin files (the widget file and link-script.ts), so it runs under
// `default-src 'self'`. Every value that came from the link or the configuration is escaped.
import { escapeHtml } from '../insights/escape.js';
import { PAGE_STRINGS, type PageLang, type PageStrings } from './page-strings.js';
import type { HostedSurvey } from './survey-config.js';

/** The hosted page's headers: nothing but this origin, never cached, never indexed, no referrer (the URL is a credential). */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
  'x-content-type-options': 'nosniff',
};

const RIGHT_TO_LEFT: readonly string[] = ['ar'];

/** The widget file for a language: `touchpoint-widget.js` carries English, the others their own table. */
export const widgetFile = (lang: PageLang) =>
  lang === 'en' ? 'touchpoint-widget.js' : `touchpoint-widget.${lang}.js`;

/** A JSON data block: `<` escaped so no value can close the script element. */
const dataBlock = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function shell(lang: PageLang, title: string, assets: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}" dir="${RIGHT_TO_LEFT.includes(lang) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${assets}/link.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A link that cannot be answered: one sentence saying why, nothing recorded. */
export function refusedPage(
  lang: PageLang,
  reason: Exclude<keyof PageStrings, 'title' | 'noscript'>,
  assets: string,
): string {
  const strings = PAGE_STRINGS[lang];
  return shell(
    lang,
    strings.title,
    assets,
    `<p class="tp-link-message" role="alert">${escapeHtml(strings[reason])}</p>`,
  );
}

/** The survey: a data block for the script, the place the prompt mounts in, and what shows without script. */
export function surveyPage(
  survey: HostedSurvey,
  lang: PageLang,
  score: number | undefined,
  assets: string,
): string {
  const strings = PAGE_STRINGS[lang];
  const data = { survey, lang, score, unavailable: strings.unavailable };
  const body = `<noscript><p class="tp-link-message">${escapeHtml(strings.noscript)}</p></noscript>
<div id="tp-link-prompt"></div>
<p id="tp-link-status" class="tp-link-message tp-link-status" role="status"></p>
<script type="application/json" id="tp-link-data">${dataBlock(data)}</script>
<script src="${assets}/${widgetFile(lang)}"></script>
<script src="${assets}/link.js"></script>`;
  return shell(lang, strings.title, assets, body);
}
