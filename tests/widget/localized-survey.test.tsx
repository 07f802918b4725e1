import { fireEvent } from '@testing-library/preact';
import type { Survey } from '@touchpoint/core';
import { LOCALES } from '@touchpoint/widget';
import { describe, expect, it } from 'vitest';
import { screen, setup } from './render';

// Survey texts by language, as SPEC's wave 2 allows (the core's types still say string).
const survey = {
  id: 'shop-nps',
  metric: 'nps',
  question: { en: 'Would you recommend us?', ar: 'هل توصي بنا؟', de: 'Würden Sie uns empfehlen?' },
  followUp: { low: { en: 'What went wrong?', ar: 'ما الذي حدث؟' } },
  links: { low: { label: { en: 'Contact support', ar: 'تواصل مع الدعم' }, url: '/help' } },
  strings: { send: { en: 'Submit', ar: 'أرسل' } },
} as unknown as Survey;

describe('survey texts by language', () => {
  it('shows the Arabic texts in a right-to-left prompt on an Arabic page', () => {
    setup({ locale: 'ar-EG', locales: LOCALES }).show(survey);
    const dialog = screen().getByRole('dialog', { name: 'هل توصي بنا؟' });
    expect(dialog.getAttribute('dir')).toBe('rtl');
    expect(screen().getByRole('status').textContent).toBe('استطلاع جديد: هل توصي بنا؟');
    fireEvent.click(screen().getByRole('radio', { name: '2' }));
    expect(screen().getByRole('textbox', { name: 'ما الذي حدث؟' })).toBeTruthy();
    expect(screen().getByRole('link', { name: 'تواصل مع الدعم' })).toBeTruthy();
    expect(screen().getByRole('button', { name: 'أرسل' })).toBeTruthy();
  });

  it('falls back to English for a language the survey does not cover', () => {
    setup({ locale: 'fr', locales: LOCALES }).show(survey);
    expect(screen().getByRole('dialog', { name: 'Would you recommend us?' })).toBeTruthy();
    // The built-in table still speaks French where the survey says nothing.
    expect(screen().getByRole('button', { name: 'Fermer' })).toBeTruthy();
  });

  it("follows the page's <html lang> when no locale is given", () => {
    document.documentElement.lang = 'de-CH';
    try {
      setup({ locale: '', locales: LOCALES }).show(survey);
      expect(screen().getByRole('dialog', { name: 'Würden Sie uns empfehlen?' })).toBeTruthy();
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('lets an English fallback on an Arabic page keep its own direction', () => {
    setup({ locale: 'ar', locales: LOCALES }).show({ ...survey, question: 'Would you recommend us?' });
    expect(screen().getByRole('dialog').getAttribute('dir')).toBe('rtl');
    expect(screen().getByRole('heading', { name: 'Would you recommend us?' }).getAttribute('dir')).toBe(
      'auto',
    );
  });
});
