import { ar } from './ar';
import { de } from './de';
import type { Strings } from './en';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';

/**
 * Every built-in table, for `mountWidget(tp, { locales: LOCALES })` when the page's language is
 * not known in advance (the script tag passes these). A separate import so that a site in one
 * language ships one table: the four others cost about 700 bytes brotli.
 */
export const LOCALES: Record<string, Partial<Strings>> = { en, ar, de, es, fr };
