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

  it('keeps only the known text entries of a host table, warning once for each other one', () => {
    const warn = spyWarn();
    const table = { announce: 42, send: 'Valider', sned: 'typo' } as unknown as Partial<typeof en>;
    const l = resolveLocale('fr', { fr: table });
    resolveLocale('fr', { fr: table });
    expect(l.strings.announce).toBe(en.announce);
    expect(l.strings.send).toBe('Valider');
    expect(l.strings).not.toHaveProperty('sned');
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      '[touchpoint] locales.fr.announce: unknown key or not text; ignored.',
      '[touchpoint] locales.fr.sned: unknown key or not text; ignored.',
    ]);
  });

  it('ships every built-in table with every key English has', () => {
    for (const table of [ar, de, es, fr]) {
      const missing = Object.keys(en).filter((k) => k !== 'counter' && !(k in table));
      expect(missing).toEqual([]);
    }
  });
});
