import { act } from '@testing-library/preact';
import { mountWidget, WIDGET_DEFAULTS } from '@touchpoint/widget';
import { describe, expect, it } from 'vitest';
import { CES, CSAT, fakeTp, NPS } from './fake-tp';
import { host, screen, setup, spyWarn } from './render';

describe('mountWidget', () => {
  it('adds one custom element with an open shadow root and shows nothing until a survey is due', () => {
    const f = setup();
    expect(document.querySelectorAll('touchpoint-widget')).toHaveLength(1);
    expect(host().shadowRoot?.mode).toBe('open');
    expect(screen().queryByRole('dialog')).toBeNull();
    f.show(NPS);
    expect(screen().getByRole('dialog', { name: NPS.question })).toBeTruthy();
  });

  it('shows one prompt at a time and drops a survey due while one is open', () => {
    const f = setup();
    f.show(NPS);
    f.show(CSAT);
    expect(screen().getAllByRole('dialog')).toHaveLength(1);
    expect(screen().getByRole('dialog', { name: NPS.question })).toBeTruthy();
    expect(f.types()).toEqual(['survey_shown']);
    act(() => screen().getByRole('button', { name: 'Close' }).click());
    f.show(CSAT);
    expect(screen().getByRole('dialog', { name: CSAT.question })).toBeTruthy();
  });

  it('warns once when a forced survey is dropped because another is open', () => {
    const warn = spyWarn();
    const f = setup();
    f.show(NPS);
    f.show(CES, true);
    f.show(CES, true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[touchpoint\] survey "help-ces" not shown/);
  });

  it('ignores an invalid survey with a warning instead of throwing', () => {
    const warn = spyWarn();
    const f = setup();
    expect(() => f.show({ id: 'x', metric: 'stars', question: 'Q' } as never)).not.toThrow();
    expect(screen().queryByRole('dialog')).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('destroy() removes the host element and stops listening', () => {
    const f = setup();
    f.show(NPS);
    expect(f.listeners()).toBe(1);
    act(() => f.widget.destroy());
    expect(document.querySelector('touchpoint-widget')).toBeNull();
    expect(f.listeners()).toBe(0);
    expect(() => f.widget.destroy()).not.toThrow();
  });

  it('renders inline inside the given container', () => {
    const container = document.createElement('section');
    document.body.append(container);
    setup({ position: 'inline', container }).show(CSAT);
    expect(container.querySelector('touchpoint-widget')).not.toBeNull();
    expect(screen().getByRole('dialog').className).toContain(' tp-inline');
  });

  it.each([
    ['bottom-left', 'dark', 'tp-dark tp-bottom-left'],
    ['center', 'light', 'tp-light tp-center'],
    [undefined, undefined, 'tp-auto tp-bottom-right'],
  ] as const)('puts position %s and theme %s on the card', (position, theme, classes) => {
    setup({ ...(position && { position }), ...(theme && { theme }) }).show(CSAT);
    expect(screen().getByRole('dialog').className).toBe(`tp-card tp-csat ${classes}`);
  });

  it('warns once and uses the defaults for unknown theme and position', () => {
    const warn = spyWarn();
    setup({ theme: 'neon' as never, position: 'top' as never }).show(CSAT);
    expect(screen().getByRole('dialog').className).toBe('tp-card tp-csat tp-auto tp-bottom-right');
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      expect.stringMatching(/^\[touchpoint\] theme "neon"/),
      expect.stringMatching(/^\[touchpoint\] position "top"/),
    ]);
  });

  it('still names a refused option, its value and the fallback in production builds', () => {
    const warn = spyWarn();
    const g = globalThis as { __DEV__?: boolean };
    g.__DEV__ = false;
    try {
      setup({ theme: 'sepia' as never, position: 'middle' as never }).show(CSAT);
    } finally {
      g.__DEV__ = true;
    }
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      '[touchpoint] theme "sepia": using auto.',
      '[touchpoint] position "middle": using bottom-right.',
    ]);
  });

  it('keeps prompting when recording throws, and reports it', () => {
    const warn = spyWarn();
    const f = fakeTp();
    f.tp.record = () => {
      throw new Error('storage full');
    };
    const w = mountWidget(f.tp);
    f.show(NPS);
    expect(screen().getByRole('dialog')).toBeTruthy();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('storage full'));
    act(() => w.destroy());
  });

  it('shows a prompt in English where a host locale table has a non-text entry', () => {
    const warn = spyWarn();
    const f = setup({ locale: 'fr', locales: { fr: { announce: 42 } as never } });
    expect(() => f.show(CSAT)).not.toThrow();
    expect(screen().getByRole('status').textContent).toContain(CSAT.question);
    expect(screen().getByRole('dialog', { name: CSAT.question })).toBeTruthy();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('returns a harmless widget when the page cannot host it', () => {
    const warn = spyWarn();
    const f = fakeTp();
    f.tp.on = () => {
      throw new Error('broken core');
    };
    const w = mountWidget(f.tp);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('broken core'));
    expect(() => w.destroy()).not.toThrow();
  });

  it('documents its defaults in one constant', () => {
    expect(WIDGET_DEFAULTS).toMatchObject({ theme: 'auto', position: 'bottom-right', locale: '', nonce: '' });
  });
});
