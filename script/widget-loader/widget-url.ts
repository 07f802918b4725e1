/**
 * The languages with a widget file of their own, `touchpoint-widget.<lang>.js`, as a primary
 * subtag (`es`, `es-MX`, `es_MX`; not `esu`). rollup.config.mjs builds one file per table in
 * packages/widget/src/locales, and a test keeps the two in agreement. Every other language gets
 * dist/touchpoint-widget.js, which carries English only.
 */
const WIDGET_LOCALES = /^(ar|de|es|fr)(?![a-z])/i;

/**
 * The widget file for the page's language, beside `url` (the English one). Decided when a survey
 * is first due and in the widget's own order (data-locale, `<html lang>`, the browser's
 * language), so an app that sets `lang` after the script started still gets its language.
 */
export function widgetUrl(url: string, locale = ''): string {
  const lang = WIDGET_LOCALES.exec(locale || document.documentElement.lang || navigator.language)?.[1];
  // The first `.js` before the query or the end is the file name's: a query comes after it.
  return lang ? url.replace(/\.js(?=\?|$)/, `.${lang.toLowerCase()}.js`) : url;
}
