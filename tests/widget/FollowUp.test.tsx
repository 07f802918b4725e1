import { fireEvent } from '@testing-library/preact';
import type { Survey } from '@touchpoint/core';
import { describe, expect, it } from 'vitest';
import { COUNTER_FROM, MAX_COMMENT } from '../../packages/widget/src/FollowUp';
import { CSAT, NPS } from './fake-tp';
import { screen, setup } from './render';

const choose = (name: RegExp) => fireEvent.click(screen().getByRole('radio', { name }));

const configured = {
  ...NPS,
  followUp: { low: 'What should we fix first?', high: 'What do you love most?' },
  links: {
    low: { label: 'Contact support', url: '/help' },
    high: { label: 'Leave a review', url: 'https://reviews.example.com/acme' },
  },
} satisfies Survey;

describe('FollowUp', () => {
  it.each([
    [/^3$/, 'What should we fix first?', 'Contact support'],
    [/^8$/, 'What is the main reason for your score?', null],
    [/^10 /, 'What do you love most?', 'Leave a review'],
  ])('after score %s asks the band question %j with link %j', (score, question, link) => {
    setup().show(configured);
    choose(score);
    expect(screen().getByRole('textbox', { name: question })).toBeTruthy();
    expect(screen().getByRole('dialog', { name: configured.question })).toBeTruthy();
    const a = screen().queryByRole('link');
    expect(a?.textContent ?? null).toBe(link);
  });

  it('opens links in a new tab without giving it the opener', () => {
    setup().show(configured);
    choose(/^10 /);
    const a = screen().getByRole('link', { name: 'Leave a review' });
    expect(a.getAttribute('href')).toBe('https://reviews.example.com/acme');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toContain('noopener');
  });

  it('limits the comment, and counts characters only once it nears the limit', () => {
    setup().show(CSAT);
    choose(/^2 /);
    const box = screen().getByRole('textbox') as HTMLTextAreaElement;
    expect(box.maxLength).toBe(MAX_COMMENT);
    // No "0/1000" before anything is typed, nor while the comment is far from the limit.
    expect(screen().queryByText(`0/${MAX_COMMENT}`)).toBeNull();
    fireEvent.input(box, { target: { value: 'Too slow' } });
    expect(screen().queryByText(`8/${MAX_COMMENT}`)).toBeNull();
    expect(box.hasAttribute('aria-describedby')).toBe(false);
    fireEvent.input(box, { target: { value: 'x'.repeat(COUNTER_FROM) } });
    expect(screen().getByText(`${COUNTER_FROM}/${MAX_COMMENT}`)).toBeTruthy();
    expect(box.getAttribute('aria-describedby')).toBe('tp-counter');
  });

  it('records the trimmed comment with its score, then thanks', () => {
    const f = setup();
    f.show(CSAT);
    choose(/^2 /);
    fireEvent.input(screen().getByRole('textbox'), { target: { value: '  The coupon failed.  ' } });
    fireEvent.click(screen().getByRole('button', { name: 'Send' }));
    expect(f.records.at(-1)).toEqual({
      type: 'survey_comment',
      props: { surveyId: CSAT.id, metric: 'csat', score: 2, comment: 'The coupon failed.' },
    });
    expect(screen().getByText('Thank you for your feedback!')).toBeTruthy();
  });

  it('records no comment when the box is left empty, and still thanks', () => {
    const f = setup();
    f.show(CSAT);
    choose(/^4 /);
    fireEvent.click(screen().getByRole('button', { name: 'Send' }));
    expect(f.types()).toEqual(['survey_shown', 'survey_answered']);
    expect(screen().getByText('Thank you for your feedback!')).toBeTruthy();
  });
});
