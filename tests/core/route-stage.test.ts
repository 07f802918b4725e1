import { createTouchpoint, type JourneyEvent, type TouchpointConfig } from '@touchpoint/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const config: TouchpointConfig = {
  version: 1,
  stages: { '/app/products/**': 'interest', '/app/checkout/**': 'purchase' },
  surveys: [
    {
      id: 'paid',
      metric: 'csat',
      question: 'How was checkout?',
      when: { event: 'order_completed', stage: 'purchase' },
    },
  ],
};

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', '/app/products/x');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the stage of an event right after an SPA navigation', () => {
  it("is the new route's stage, synchronously, so a survey for that stage is due", async () => {
    const tp = createTouchpoint({ config });
    await vi.runAllTimersAsync();
    const tracks: JourneyEvent[] = [];
    const dues: unknown[] = [];
    tp.on('track', (e) => tracks.push(e));
    tp.on('survey_due', (d) => dues.push(d));
    tp.track('browsing');
    history.pushState(null, '', '/app/checkout/done');
    tp.track('order_completed');
    expect(tracks.map((e) => [e.name, e.stage])).toEqual([
      ['browsing', 'interest'],
      ['order_completed', 'purchase'],
    ]);
    expect(dues).toHaveLength(1);
  });
});

describe('the referrer after a same-document navigation', () => {
  it.each([false, true])(
    'keeps the landing referrer after an anchor click (hash routes: %s)',
    async (hash) => {
      vi.spyOn(document, 'referrer', 'get').mockReturnValue('https://google.com/');
      const tp = createTouchpoint({ autoPageviews: { hash } });
      await vi.runAllTimersAsync();
      const events: JourneyEvent[] = [];
      tp.on('*', (e) => events.push(e));
      tp.track('before');
      location.hash = '#faq';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await vi.runAllTimersAsync();
      tp.track('after');
      expect(events.map((e) => [e.type, e.page.referrer])).toEqual([
        ['track', 'https://google.com/'],
        ['track', 'https://google.com/'],
      ]);
    },
  );
});
