import { ar } from './ar.js';
import { de } from './de.js';
import type { Strings } from './en.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

/**
 * Every built-in table, for `mountWidget(tp, { locales: LOCALES })` when the page's language is
 * not known in advance (the script tag passes these). A separate import so that a site in one
 * language ships one table: the four others cost about 700 bytes brotli.
 */
export const LOCALES: Record<string, Partial<Strings>> = { en, ar, de, es, fr };
