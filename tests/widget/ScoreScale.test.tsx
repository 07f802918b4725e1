import { fireEvent } from '@testing-library/preact';
import { LOCALES } from '@touchpoint/widget';
import { describe, expect, it } from 'vitest';
import { CES, CSAT, NPS } from './fake-tp';
import { focused, screen, setup } from './render';

const names = () =>
  screen()
    .getAllByRole('radio')
    .map((r) => r.getAttribute('aria-label'));

describe('ScoreScale', () => {
  it('offers NPS 0–10 with names that begin with the number and anchor the ends', () => {
    setup().show(NPS);
    expect(names()).toEqual([
      '0 Not at all likely',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10 Extremely likely',
    ]);
    expect(screen().getByRole('radiogroup', { name: NPS.question })).toBeTruthy();
  });

  it('offers CSAT 1–5 with every point labelled', () => {
    setup().show(CSAT);
    expect(names()).toEqual([
      '1 Very unsatisfied',
      '2 Unsatisfied',
      '3 Neutral',
      '4 Satisfied',
      '5 Very satisfied',
    ]);
  });

  it('offers CES 1–7 from Very difficult to Very easy', () => {
    setup().show(CES);
    expect(names()).toHaveLength(7);
    expect(names()[0]).toBe('1 Very difficult');
    expect(names()[6]).toBe('7 Very easy');
  });

  it('keeps exactly one option in the tab order (roving tabindex), none checked', () => {
    setup().show(CSAT);
    const radios = screen().getAllByRole('radio');
    expect(radios.map((r) => r.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    expect(radios.every((r) => r.getAttribute('aria-checked') === 'false')).toBe(true);
  });

  it('moves focus with arrows, Home and End, wrapping, without choosing', () => {
    const f = setup();
    f.show(CSAT);
    const radios = screen().getAllByRole('radio');
    radios[0]?.focus();
    fireEvent.keyDown(radios[0] as Element, { key: 'ArrowRight' });
    expect(focused()).toBe(radios[1]);
    fireEvent.keyDown(radios[1] as Element, { key: 'ArrowDown' });
    expect(focused()).toBe(radios[2]);
    fireEvent.keyDown(radios[2] as Element, { key: 'End' });
    expect(focused()).toBe(radios[4]);
    fireEvent.keyDown(radios[4] as Element, { key: 'ArrowRight' });
    expect(focused()).toBe(radios[0]);
    fireEvent.keyDown(radios[0] as Element, { key: 'ArrowLeft' });
    expect(focused()).toBe(radios[4]);
    fireEvent.keyDown(radios[4] as Element, { key: 'Home' });
    expect(focused()).toBe(radios[0]);
    expect(radios.map((r) => r.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    expect(f.types()).toEqual(['survey_shown']);
  });

  it('reverses the horizontal arrows right to left', () => {
    setup({ locale: 'ar', locales: LOCALES }).show(CSAT);
    const radios = screen().getAllByRole('radio');
    radios[0]?.focus();
    fireEvent.keyDown(radios[0] as Element, { key: 'ArrowLeft' });
    expect(focused()).toBe(radios[1]);
  });

  it.each(['Enter', ' '])('chooses the focused score with %j', (key) => {
    const f = setup();
    f.show(NPS);
    const radios = screen().getAllByRole('radio');
    radios[0]?.focus();
    fireEvent.keyDown(radios[0] as Element, { key: 'End' });
    fireEvent.keyDown(radios[10] as Element, { key });
    expect(f.records[1]).toEqual({
      type: 'survey_answered',
      props: { surveyId: NPS.id, metric: 'nps', score: 10 },
    });
  });

  it('keeps the keys it handles from reaching the host page', () => {
    const f = setup();
    f.show(CSAT);
    const outside: string[] = [];
    const listen = (e: KeyboardEvent) => outside.push(e.key);
    document.addEventListener('keydown', listen);
    const radios = screen().getAllByRole('radio');
    radios[0]?.focus();
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' ']) {
      fireEvent.keyDown(focused() as Element, { key });
    }
    expect(f.types()).toEqual(['survey_shown', 'survey_answered']);
    document.removeEventListener('keydown', listen);
    expect(outside).toEqual([]);
  });

  it('chooses a score on click, once', () => {
    const f = setup();
    f.show(CES);
    const five = screen().getByRole('radio', { name: /^5 / });
    fireEvent.click(five);
    fireEvent.click(five);
    expect(f.records.filter((r) => r.type === 'survey_answered')).toEqual([
      { type: 'survey_answered', props: { surveyId: CES.id, metric: 'ces', score: 5 } },
    ]);
  });
});
