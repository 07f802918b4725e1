// A survey text in the form: the text in one input, and its other languages in a second one,
// one `tag = text` a line. A text with no other language is saved as a plain string (one text
// for every language); with some, as a map by language in which the first input is English,
// which the prompt also shows to any language the map does not list (its fallback).
import { shown } from './form-values.js';

/** Where a text's other languages are typed: `question` → `question.languages`. */
export const languagesField = (name: string) => `${name}.languages`;

/** A localized text as the form shows it: the English (or only) text, and the other languages. */
export interface LocalizedLines {
  text: string;
  languages: [tag: string, text: string][];
}

/** Splits a text of the configuration into what its two inputs show. */
export function localizedLines(value: unknown): LocalizedLines {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { text: shown(value), languages: [] };
  const entries = Object.entries(value as Record<string, unknown>);
  // Only a map's `en` entry goes in the first input; a map without one stays whole in the second.
  const english = entries.find(([tag]) => tag === 'en');
  return {
    text: english ? shown(english[1]) : '',
    languages: entries.filter(([tag]) => tag !== 'en').map(([tag, text]) => [tag, shown(text)]),
  };
}

/** The form's `tag = text` lines for a text's other languages. */
export const languageLines = (languages: LocalizedLines['languages']): string =>
  languages.map(([tag, text]) => `${tag} = ${text}`).join('\n');

/**
 * The configuration's value for a text, or why the form cannot say it: the English text given
 * both in the first input and as an `en` line.
 */
export function localizedOf(
  text: string | undefined,
  languages: readonly (readonly [string, string])[],
): { value: string | Record<string, string> | undefined; problem?: string } {
  if (!languages.length) return { value: text };
  const map = new Map<string, string>(text === undefined ? [] : [['en', text]]);
  for (const [tag, line] of languages) {
    if (map.has(tag))
      return {
        value: text,
        problem:
          tag === 'en' && text !== undefined
            ? 'the English text is given twice: above and as an "en =" line'
            : `"${tag}" is given twice`,
      };
    map.set(tag, line);
  }
  return { value: Object.fromEntries(map) };
}
