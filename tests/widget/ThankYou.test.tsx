import { act, fireEvent } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { THANKS_MS } from '../../packages/widget/src/ThankYou';
import { CSAT } from './fake-tp';
import { focused, screen, setup } from './render';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const toThanks = () => {
  const f = setup();
  f.show(CSAT);
  fireEvent.click(screen().getByRole('radio', { name: /^5 / }));
  fireEvent.click(screen().getByRole('button', { name: 'Send' }));
  return f;
};

describe('ThankYou', () => {
  it('closes by itself after THANKS_MS, without a dismissal', () => {
    const f = toThanks();
    act(() => {
      vi.advanceTimersByTime(THANKS_MS - 1);
    });
    expect(screen().queryByRole('dialog')).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(screen().queryByRole('dialog')).toBeNull();
    expect(f.types()).toEqual(['survey_shown', 'survey_answered']);
  });

  it('returns focus to where it came from when it closes by itself with focus inside', () => {
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    const f = setup();
    f.show(CSAT);
    const five = screen().getByRole('radio', { name: /^5 / });
    five.focus();
    fireEvent.keyDown(five, { key: 'Enter' });
    fireEvent.click(screen().getByRole('button', { name: 'Send' }));
    expect(focused()?.textContent).toBe('Thank you for your feedback!');
    act(() => {
      vi.advanceTimersByTime(THANKS_MS);
    });
    expect(screen().queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(before);
    expect(f.types()).toEqual(['survey_shown', 'survey_answered']);
  });

  it('leaves no timer behind when the widget is destroyed', () => {
    const f = toThanks();
    expect(vi.getTimerCount()).toBe(1);
    act(() => f.widget.destroy());
    expect(vi.getTimerCount()).toBe(0);
  });
});
