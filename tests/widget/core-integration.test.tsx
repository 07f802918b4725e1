import { act, fireEvent } from '@testing-library/preact';
import { createTouchpoint, type JourneyEvent } from '@touchpoint/core';
import { mountWidget } from '@touchpoint/widget';
import { afterEach, describe, expect, it } from 'vitest';
import { screen } from './render';

afterEach(() => {
  localStorage.clear();
});

describe('widget on the real core', () => {
  it('shows a forced survey and records score, comment and trail through createTouchpoint', async () => {
    const tp = createTouchpoint({
      autoPageviews: false,
      config: {
        version: 1,
        surveys: [
          { id: 'checkout-csat', metric: 'csat', question: 'How satisfied are you with checkout today?' },
        ],
      },
    });
    const events: JourneyEvent[] = [];
    tp.on('*', (e) => events.push(e));
    const widget = mountWidget(tp, { locale: 'en' });
    tp.stage('purchase');
    tp.track('order_completed');
    act(() => tp.show('checkout-csat'));
    await act(async () => {});
    fireEvent.click(screen().getByRole('radio', { name: '5 Very satisfied' }));
    fireEvent.input(screen().getByRole('textbox'), { target: { value: 'Fast.' } });
    fireEvent.click(screen().getByRole('button', { name: 'Send' }));

    const survey = events.filter((e) => e.type.startsWith('survey_'));
    expect(survey.map((e) => e.type)).toEqual(['survey_shown', 'survey_answered', 'survey_comment']);
    expect(survey[1]?.props).toMatchObject({ surveyId: 'checkout-csat', metric: 'csat', score: 5 });
    expect(survey[1]?.props?.trail).toEqual(
      expect.arrayContaining([expect.objectContaining({ stage: 'purchase' })]),
    );
    expect(survey[2]?.props).toMatchObject({ comment: 'Fast.' });
    act(() => widget.destroy());
  });

  /** A forced NPS survey on screen, on a real core; `openRule()` is the core's "a prompt is open". */
  async function promptOnRealCore() {
    const tp = createTouchpoint({
      autoPageviews: false,
      config: {
        version: 1,
        surveys: [
          { id: 'home-nps', metric: 'nps', question: 'Recommend us?', when: { pages: ['/nowhere'] } },
        ],
      },
    });
    const widget = mountWidget(tp, { locale: 'en' });
    tp.page();
    act(() => tp.show('home-nps'));
    await act(async () => {});
    const openRule = () => tp.explain().flatMap((e) => e.reasons.filter((r) => r.rule === 'open'));
    return { widget, openRule };
  }

  it('leaves no open prompt in the core after destroy(), so other surveys can show', async () => {
    const { widget, openRule } = await promptOnRealCore();
    expect(screen().getByRole('dialog')).toBeTruthy();
    expect(openRule()).toHaveLength(1);
    act(() => widget.destroy());
    expect(openRule()).toEqual([]);
  });

  // Send with an empty box records nothing (a finished answer is no dismissal and no comment):
  // the widget says the prompt closed, through the core's closed().
  it('leaves no open prompt in the core after Send with an empty follow-up', async () => {
    const { widget, openRule } = await promptOnRealCore();
    fireEvent.click(screen().getByRole('radio', { name: '9' }));
    fireEvent.click(screen().getByRole('button', { name: 'Send' }));
    const open = openRule();
    act(() => widget.destroy());
    expect(open).toEqual([]);
  });
});
