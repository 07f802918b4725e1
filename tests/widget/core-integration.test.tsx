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
});
