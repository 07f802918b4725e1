import { isSurveyStringKey } from '@touchpoint/core/rules';
import type { Strings } from './locales/en.js';
import { warnOnce } from './warn.js';

/**
 * The entries of a string table the prompt can show: known keys with text values. Tables come
 * from the host (`locales`) and the configuration (`survey.strings`); a number or an object there
 * would throw in a later render, inside the host page. Each dropped entry is reported once.
 */
export function pickStrings(table: unknown, where: string): Partial<Strings> {
  const picked: Record<string, string> = {};
  for (const [key, value] of Object.entries(table ?? {})) {
    if (isSurveyStringKey(key) && typeof value === 'string') picked[key] = value;
    else warnOnce(`${where}.${key}`, `${where}.${key}: unknown key or not text; ignored.`);
  }
  return picked;
}
