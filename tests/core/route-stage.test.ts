import { createTouchpoint, type JourneyEvent, type Survey, type TouchpointConfig } from '@touchpoint/core';
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

describe('the page-view surveys of a route reached by pushState', () => {
  // Two surveys for the checkout: the one for returning visitors outranks the other from their
  // second page view on. The visitor lands on a product page, then the router pushes the
  // checkout and calls stage() or identify() in the same task, before the automatic page view.
  const surveys: TouchpointConfig = {
    version: 1,
    surveys: [
      {
        id: 'returning',
        metric: 'nps',
        question: 'Recommend us?',
        priority: 1,
        when: { pages: ['/app/checkout/**'], afterPageViews: 2 },
      },
      {
        id: 'checkout',
        metric: 'csat',
        question: 'How was checkout?',
        when: { pages: ['/app/checkout/**'] },
      },
    ],
  };

  it.each<[string, (tp: ReturnType<typeof createTouchpoint>) => void]>([
    ['stage()', (tp) => tp.stage('purchase')],
    ['identify()', (tp) => tp.identify('user-7')],
  ])('are decided by the new page view, not by %s called before it arrives', async (_, act) => {
    const tp = createTouchpoint({ config: surveys });
    await vi.runAllTimersAsync();
    const dues: string[] = [];
    tp.on('survey_due', (due) => dues.push(due.survey.id));
    history.pushState(null, '', '/app/checkout/done');
    act(tp);
    await vi.runAllTimersAsync();
    // The widget shows the first survey due and drops the rest: 'checkout' alone would be due
    // first if the re-check judged the product page's view (one page view in the session).
    expect(dues).toEqual(['returning']);
  });

  it("lets an event tracked right after pushState pick its survey, not held back by the last page's waiting pick", async () => {
    const browsing: Survey = {
      id: 'browsing',
      metric: 'nps',
      question: 'Recommend us?',
      when: { pages: ['/app/products/**'], delayMs: 3000 },
    };
    const tp = createTouchpoint({ config: { ...config, surveys: [browsing, ...(config.surveys ?? [])] } });
    await vi.advanceTimersByTimeAsync(0);
    const dues: string[] = [];
    tp.on('survey_due', (due) => dues.push(due.survey.id));
    history.pushState(null, '', '/app/checkout/done');
    tp.track('order_completed');
    await vi.runAllTimersAsync();
    expect(dues).toEqual(['paid']);
  });
});
