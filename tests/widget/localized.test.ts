import { describe, expect, it } from 'vitest';
import { pickText } from '../../packages/widget/src/localized';

const texts = { en: 'Hello', ar: 'مرحبا', 'ar-EG': 'أهلاً', pt_BR: 'Olá' };

describe('pickText', () => {
  it.each([
    ['a plain string for any language', 'Hi', 'de', 'Hi'],
    ['the exact tag', texts, 'ar-EG', 'أهلاً'],
    ['the exact tag, whatever its case', texts, 'AR-eg', 'أهلاً'],
    ['the language of a regional tag', texts, 'ar-SA', 'مرحبا'],
    ['the language alone', texts, 'ar', 'مرحبا'],
    ['a tag written with an underscore', texts, 'pt-BR', 'Olá'],
    ['English when the language is missing', texts, 'de-AT', 'Hello'],
    ['English when no language is known', texts, '', 'Hello'],
    ['the first text when English is missing too', { fr: 'Bonjour', es: 'Hola' }, 'de', 'Bonjour'],
    ['nothing from an empty map', {}, 'en', undefined],
    ['nothing from a number', 42, 'en', undefined],
    ['nothing from null', null, 'en', undefined],
    ['a text entry over a non-text one', { ar: 7, en: 'Hello' }, 'ar', 'Hello'],
  ])('gives %s', (_name, text, lang, expected) => {
    expect(pickText(text, lang as string)).toBe(expected);
  });
});
