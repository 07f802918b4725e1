import { readdirSync } from 'node:fs';
import { LOCALES } from '@touchpoint/widget';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromScript } from '../from-script';

const { widgetUrl } = await fromScript<{ widgetUrl(url: string, locale?: string): string }>(
  'widget-loader/widget-url.ts',
);

const EN = 'https://cdn.example/tp/touchpoint-widget.js';

afterEach(() => {
  document.documentElement.lang = '';
  vi.restoreAllMocks();
});

describe('widgetUrl', () => {
  it.each([
    ['ar', 'https://cdn.example/tp/touchpoint-widget.ar.js'],
    ['es-MX', 'https://cdn.example/tp/touchpoint-widget.es.js'],
    ['fr_CA', 'https://cdn.example/tp/touchpoint-widget.fr.js'],
    ['DE', 'https://cdn.example/tp/touchpoint-widget.de.js'],
    // English, languages without a table, and tags that only start like one get English.
    ['en-GB', EN],
    ['it', EN],
    ['esu', EN],
    ['arn-CL', EN],
  ])('picks the file for data-locale %s', (locale, url) => {
    expect(widgetUrl(EN, locale)).toBe(url);
  });

  it('keeps the version query of the English file, and names the file before it', () => {
    expect(widgetUrl(`${EN}?v=1.2.js`, 'de')).toBe('https://cdn.example/tp/touchpoint-widget.de.js?v=1.2.js');
  });

  it('without data-locale, follows <html lang>, then the browser language, as the widget does', () => {
    document.documentElement.lang = 'es';
    expect(widgetUrl(EN)).toBe('https://cdn.example/tp/touchpoint-widget.es.js');
    document.documentElement.lang = '';
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('ar-EG');
    expect(widgetUrl(EN)).toBe('https://cdn.example/tp/touchpoint-widget.ar.js');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('pt-BR');
    expect(widgetUrl(EN)).toBe(EN);
  });

  it('has a file for every built-in table, as rollup.config.mjs builds one per table file', () => {
    const files = readdirSync('packages/widget/src/locales')
      .map((file) => file.replace(/\.ts$/, ''))
      .filter((lang) => lang !== 'all' && lang !== 'en');
    const tables = Object.keys(LOCALES).filter((lang) => lang !== 'en');
    expect(files.sort()).toEqual(tables.sort());
    for (const lang of tables)
      expect(widgetUrl(EN, lang)).toBe(`https://cdn.example/tp/touchpoint-widget.${lang}.js`);
  });
});
