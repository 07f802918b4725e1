import { act, fireEvent } from '@testing-library/preact';
import { mountWidget } from '@touchpoint/widget';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSAT, fakeTp, NPS } from './fake-tp';
import { focused, screen, setup, spyWarn } from './render';

afterEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('the widget over its lifetime', () => {
  it('records a dismissal when destroyed with a prompt open, at the step it was on', () => {
    const f = setup();
    f.show(CSAT);
    fireEvent.click(screen().getByRole('radio', { name: /^2 / }));
    act(() => f.widget.destroy());
    expect(f.records.at(-1)).toEqual({
      type: 'survey_dismissed',
      props: { surveyId: CSAT.id, metric: 'csat', step: 'comment' },
    });
  });

  it('records nothing more when destroyed with only the thank-you left', () => {
    const f = setup();
    f.show(CSAT);
    fireEvent.click(screen().getByRole('radio', { name: /^4 / }));
    fireEvent.click(screen().getByRole('button', { name: 'Send' }));
    act(() => f.widget.destroy());
    expect(f.types()).toEqual(['survey_shown', 'survey_answered']);
  });

  it('warns once and returns the first widget when mounted twice on one instance', () => {
    const warn = spyWarn();
    const f = fakeTp();
    const first = mountWidget(f.tp, { locale: 'en' });
    const second = mountWidget(f.tp, { locale: 'en', theme: 'dark' });
    mountWidget(f.tp);
    expect(second).toBe(first);
    expect(document.querySelectorAll('touchpoint-widget')).toHaveLength(1);
    expect(f.listeners()).toBe(1);
    f.show(NPS);
    expect(screen().getAllByRole('dialog')).toHaveLength(1);
    expect(f.types()).toEqual(['survey_shown']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[touchpoint\] mountWidget: already mounted/);
    act(() => first.destroy());
    // Destroyed, the instance can have a widget again.
    const again = mountWidget(f.tp);
    expect(again).not.toBe(first);
    act(() => again.destroy());
  });
});

describe('focus', () => {
  const giveFeedback = () => {
    const button = document.createElement('button');
    button.textContent = 'Give feedback';
    document.body.append(button);
    button.focus();
    return button;
  };

  it('takes focus when the person opened the prompt, and gives it back on close', () => {
    vi.stubGlobal('navigator', { ...navigator, userActivation: { isActive: true } });
    const button = giveFeedback();
    const f = setup();
    f.show(NPS, true);
    expect(focused()?.getAttribute('aria-label')).toBe('0 Not at all likely');
    fireEvent.keyDown(focused() as Element, { key: 'Escape' });
    expect(screen().queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('leaves focus on the page for a forced survey without a user gesture (a script called show())', () => {
    vi.stubGlobal('navigator', { ...navigator, userActivation: { isActive: false } });
    const button = giveFeedback();
    setup().show(NPS, true);
    expect(focused()).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});

describe('changing the score', () => {
  it('shows the chosen score on the follow-up and goes back to the scale with it checked', () => {
    const f = setup();
    f.show(NPS);
    fireEvent.click(screen().getByRole('radio', { name: '8' }));
    expect(screen().getByText('Your score: 8')).toBeTruthy();
    fireEvent.click(screen().getByRole('button', { name: 'Change' }));
    expect(screen().getByRole('radio', { name: '8' }).getAttribute('aria-checked')).toBe('true');
    expect(
      screen()
        .getAllByRole('radio')
        .filter((r) => r.getAttribute('aria-checked') === 'true'),
    ).toHaveLength(1);
    fireEvent.click(screen().getByRole('radio', { name: /^10 / }));
    expect(screen().getByText('Your score: 10')).toBeTruthy();
    expect(f.records.filter((r) => r.type === 'survey_answered').map((r) => r.props)).toEqual([
      { surveyId: NPS.id, metric: 'nps', score: 8 },
      { surveyId: NPS.id, metric: 'nps', score: 10 },
    ]);
    fireEvent.input(screen().getByRole('textbox'), { target: { value: 'Great' } });
    fireEvent.click(screen().getByRole('button', { name: 'Send' }));
    expect(f.records.at(-1)?.props).toMatchObject({ score: 10, comment: 'Great' });
  });

  it('records no second answer when the same score is chosen again', () => {
    const f = setup();
    f.show(CSAT);
    fireEvent.click(screen().getByRole('radio', { name: /^3 / }));
    fireEvent.click(screen().getByRole('button', { name: 'Change' }));
    fireEvent.click(screen().getByRole('radio', { name: /^3 / }));
    expect(f.types()).toEqual(['survey_shown', 'survey_answered']);
    expect(screen().getByRole('textbox')).toBeTruthy();
  });

  it('moves focus to the checked score when the keyboard goes back', () => {
    setup().show(NPS);
    const seven = screen().getByRole('radio', { name: '7' });
    seven.focus();
    fireEvent.keyDown(seven, { key: 'Enter' });
    const change = screen().getByRole('button', { name: 'Change' });
    change.focus();
    fireEvent.click(change);
    expect(focused()?.getAttribute('aria-label')).toBe('7');
  });
});

describe('accent', () => {
  it('warns once about an accent that is not a colour and still shows the prompt', () => {
    vi.stubGlobal('CSS', { supports: () => false });
    const warn = spyWarn();
    setup({ accent: 'brand-green' }).show(NPS);
    expect(screen().getByRole('dialog')).toBeTruthy();
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      expect.stringMatching(/^\[touchpoint\] accent "brand-green"/),
    ]);
  });
});
