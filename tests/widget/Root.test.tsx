import { fireEvent } from '@testing-library/preact';
import { LOCALES } from '@touchpoint/widget';
import { describe, expect, it } from 'vitest';
import { CSAT, NPS } from './fake-tp';
import { screen, setup } from './render';

describe('Root', () => {
  it('has a polite live region before any prompt, and announces the prompt in it', () => {
    const f = setup();
    const region = screen().getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    f.show(NPS);
    expect(screen().getByRole('status')).toBe(region);
    expect(region.textContent).toBe(`New survey: ${NPS.question}`);
    fireEvent.click(screen().getByRole('button', { name: 'Close' }));
    expect(region.textContent).toBe('');
  });

  it('announces and labels in the locale, right to left for Arabic', () => {
    setup({ locale: 'ar', locales: LOCALES }).show(CSAT);
    const dialog = screen().getByRole('dialog');
    expect(dialog.getAttribute('dir')).toBe('rtl');
    expect(dialog.getAttribute('lang')).toBe('ar');
    expect(screen().getByRole('button', { name: 'إغلاق' })).toBeTruthy();
    expect(screen().getByRole('radio', { name: '4 راضٍ' })).toBeTruthy();
    expect(screen().getByRole('status').textContent).toBe(`استطلاع جديد: ${CSAT.question}`);
  });

  it.each([
    ['es', 'Cerrar', '5 Muy satisfecho'],
    ['fr', 'Fermer', '5 Très satisfait'],
    ['de', 'Schließen', '5 Sehr zufrieden'],
  ])('speaks %s', (locale, close, five) => {
    setup({ locale, locales: LOCALES }).show(CSAT);
    expect(screen().getByRole('dialog').getAttribute('dir')).toBe('ltr');
    expect(screen().getByRole('button', { name: close })).toBeTruthy();
    expect(screen().getByRole('radio', { name: five })).toBeTruthy();
  });
});
