import { en, type Strings } from './locales/en.js';
import { pickStrings } from './pick-strings.js';
import { refuse } from './warn.js';

/** Languages written right to left: the built-in Arabic, and tables a host brings for these. */
const RTL = /^(ar|fa|he|ur)$/;

/** A resolved language: its tag, writing direction and full string table. */
export interface Locale {
  /** The primary language subtag, which picked the table (`ar`). */
  lang: string;
  /** The full tag asked for (`ar-EG`), which picks survey texts given by language (pickText). */
  tag: string;
  dir: 'ltr' | 'rtl';
  strings: Strings;
}

/**
 * Picks a table by the tag's primary subtag (`es-MX` → `es`) among the tables the host passed.
 * A tag the host asked for without its table is reported once and falls back to English; with
 * no tag, the page's `<html lang>` then the browser's language decide, silently.
 */
export function resolveLocale(tag: string, tables: Record<string, Partial<Strings>>): Locale {
  const asked = tag || document.documentElement.lang || navigator.language || 'en';
  let lang = asked.toLowerCase().split(/[-_]/)[0] as string;
  if (!tables[lang] && lang !== 'en') {
    if (tag) refuse('locale', tag, 'en', __DEV__ && 'its strings in `locales`');
    lang = 'en';
  }
  return {
    lang,
    tag: asked,
    dir: RTL.test(lang) ? 'rtl' : 'ltr',
    strings: { ...en, ...pickStrings(tables[lang], `locales.${lang}`) },
  };
}
