/** @jsxImportSource react */

import { act, cleanup, render, screen } from '@testing-library/react';
import { createTouchpoint, type Touchpoint } from '@touchpoint/core';
import { FeedbackButton, TouchpointProvider } from '@touchpoint/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const settle = () => act(async () => {});

const CONFIG = {
  version: 1 as const,
  surveys: [{ id: 'site-nps', metric: 'nps' as const, question: 'How likely are you to recommend us?' }],
};

/** A real instance with one survey, and the surveys it said were due. */
function watched(): { tp: Touchpoint; shown: string[] } {
  const tp = createTouchpoint({ autoPageviews: false, config: CONFIG });
  const shown: string[] = [];
  tp.on('survey_due', (due) => shown.push(due.survey.id));
  return { tp, shown };
}

afterEach(cleanup);

describe('FeedbackButton', () => {
  it('is a native button named "Give feedback" by default, of type button, with no style of its own', async () => {
    render(
      <form>
        <TouchpointProvider widget={false} options={{ autoPageviews: false }}>
          <FeedbackButton surveyId="site-nps" />
        </TouchpointProvider>
      </form>,
    );
    await settle();
    const button = screen.getByRole('button', { name: 'Give feedback' });
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('style')).toBeNull();
    expect(button.getAttribute('class')).toBeNull();
  });

  it('takes its label from its children and passes button attributes through', async () => {
    render(
      <FeedbackButton surveyId="site-nps" className="link" aria-describedby="hint">
        Tell us what you think
      </FeedbackButton>,
    );
    const button = screen.getByRole('button', { name: 'Tell us what you think' });
    expect(button.className).toBe('link');
    expect(button.getAttribute('aria-describedby')).toBe('hint');
  });

  it('shows its survey on click through the provider instance', async () => {
    const { tp, shown } = watched();
    const show = vi.spyOn(tp, 'show');
    render(
      <TouchpointProvider instance={tp} widget={false}>
        <FeedbackButton surveyId="site-nps" />
      </TouchpointProvider>,
    );
    await settle();
    screen.getByRole('button').click();
    expect(show).toHaveBeenCalledExactlyOnceWith('site-nps');
    expect(shown).toEqual(['site-nps']);
  });

  it('is in the tab order (a native button: Enter and Space press it, proved in Chromium by tests/e2e/react.test.ts) and opens the prompt in the widget', async () => {
    const tp = createTouchpoint({ autoPageviews: false, config: CONFIG });
    render(
      <TouchpointProvider instance={tp}>
        <FeedbackButton surveyId="site-nps" />
      </TouchpointProvider>,
    );
    await settle();
    const button = screen.getByRole('button', { name: 'Give feedback' });
    expect(button.tabIndex).toBe(0);
    button.focus();
    expect(document.activeElement).toBe(button);
    await act(async () => button.click());
    const shadow = document.querySelector('touchpoint-widget')?.shadowRoot;
    await vi.waitFor(() =>
      expect(shadow?.querySelector('[role="dialog"]')?.textContent).toContain(
        'How likely are you to recommend us?',
      ),
    );
  });

  it('lets its own onClick cancel the survey with preventDefault()', async () => {
    const { tp } = watched();
    const show = vi.spyOn(tp, 'show');
    render(
      <TouchpointProvider instance={tp} widget={false}>
        <FeedbackButton surveyId="site-nps" onClick={(e) => e.preventDefault()} />
      </TouchpointProvider>,
    );
    await settle();
    screen.getByRole('button').click();
    expect(show).not.toHaveBeenCalled();
  });

  it('does nothing and throws nothing outside a provider', () => {
    render(<FeedbackButton surveyId="site-nps" />);
    expect(() => screen.getByRole('button').click()).not.toThrow();
    expect(screen.getByRole('button').hasAttribute('disabled')).toBe(false);
  });
});
