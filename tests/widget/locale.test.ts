import { ar, de, en, es, fr, LOCALES } from '@touchpoint/widget';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveLocale } from '../../packages/widget/src/locale';
import { spyWarn } from './render';

afterEach(() => {
  document.documentElement.lang = '';
});

describe('resolveLocale', () => {
  it('picks a passed table by the primary subtag and fills gaps from English', () => {
    const l = resolveLocale('es-MX', { es });
    expect(l.lang).toBe('es');
    expect(l.dir).toBe('ltr');
    expect(l.strings.close).toBe('Cerrar');
    expect(l.strings.counter).toBe(en.counter);
  });

  it('writes Arabic right to left', () => {
    expect(resolveLocale('ar', LOCALES)).toMatchObject({ lang: 'ar', dir: 'rtl' });
  });

  it("follows the page's <html lang> when no locale is given", () => {
    document.documentElement.lang = 'fr-CA';
    expect(resolveLocale('', LOCALES).strings.send).toBe('Envoyer');
  });

  it('warns once and shows English when asked for a language whose table was not passed', () => {
    const warn = spyWarn();
    expect(resolveLocale('de', { en }).lang).toBe('en');
    resolveLocale('de', { en });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[touchpoint\] locale "de"/);
  });

  it('ships every built-in table with every key English has', () => {
    for (const table of [ar, de, es, fr]) {
      const missing = Object.keys(en).filter((k) => k !== 'counter' && !(k in table));
      expect(missing).toEqual([]);
    }
  });
});
