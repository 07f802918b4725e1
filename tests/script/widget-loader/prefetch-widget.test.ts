import {
  createTouchpoint,
  type Explanation,
  type Reason,
  type Survey,
  type Touchpoint,
} from '@touchpoint/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromScript } from '../from-script';

const { mayBecomeDue, prefetchWidget } = await fromScript<{
  mayBecomeDue(explanation: Explanation): boolean;
  prefetchWidget(tp: Touchpoint, url: () => string, idle?: (work: () => void) => void): void;
}>('widget-loader/prefetch-widget.ts');

/** A reason judged `ok` by `rule`; what was found and needed do not matter to the rule under test. */
const reason = (rule: Reason['rule'], ok: boolean) => ({ rule, ok }) as Reason;

describe('mayBecomeDue', () => {
  it.each([
    ['waits for an event on a matching page', false, [reason('pages', true), reason('event', false)], true],
    ['waits for a stage', false, [reason('consent', true), reason('stage', false)], true],
    ['waits for both an event and a stage', false, [reason('event', false), reason('stage', false)], true],
    ['is on another page', false, [reason('pages', false), reason('event', false)], false],
    ['is sampled out', false, [reason('event', false), reason('sample', false)], false],
    [
      'waits for consent, which may never come',
      false,
      [reason('consent', false), reason('event', false)],
      false,
    ],
    ['hit the session limit', false, [reason('event', false), reason('maxPerSession', false)], false],
    ['is in its cooldown', false, [reason('event', false), reason('cooldown', false)], false],
    ['needs more page views', false, [reason('afterPageViews', false)], false],
    ['is eligible now: due now or after its delay, loaded then', true, [reason('pages', true)], false],
  ])('a survey that %s: %s', (_what, eligible, reasons, expected) => {
    expect(mayBecomeDue({ id: 's', eligible, reasons })).toBe(expected);
  });
});

const URL_NOW = 'https://cdn.example/tp/touchpoint-widget.js';
const hints = () =>
  [...document.head.querySelectorAll('link[rel="prefetch"]')].map((l) => l.getAttribute('href'));

/** A real instance with this survey, and the idle callbacks it asked for, run on demand. */
const setup = (survey: Partial<Survey>, requireConsent = false) => {
  const tp = createTouchpoint({
    config: { version: 1, surveys: [{ id: 's', metric: 'nps', question: 'Recommend us?', ...survey }] },
    autoPageviews: false,
    requireConsent,
  });
  const idle: (() => void)[] = [];
  prefetchWidget(
    tp,
    () => URL_NOW,
    (work) => idle.push(work),
  );
  const runIdle = () => {
    for (const work of idle.splice(0)) work();
  };
  return { tp, idle, runIdle };
};

beforeEach(() => {
  localStorage.clear();
  document.head.innerHTML = '';
  history.replaceState(null, '', '/checkout');
});

describe('prefetchWidget', () => {
  it('hints the widget file once the page shows that a survey waits for an event here, when idle', () => {
    const { tp, idle, runIdle } = setup({ when: { pages: ['/checkout'], event: 'order_completed' } });
    tp.page();
    // Nothing in the page view's own task: the check waits for the browser to be idle.
    expect(hints()).toEqual([]);
    expect(idle).toHaveLength(1);
    runIdle();
    expect(hints()).toEqual([URL_NOW]);
    // One hint per page, whatever follows.
    tp.page();
    runIdle();
    tp.track('order_completed');
    expect(hints()).toEqual([URL_NOW]);
  });

  it('asks for one idle check however many page views come before it', () => {
    const { tp, idle } = setup({ when: { event: 'order_completed' } });
    tp.page();
    tp.page();
    expect(idle).toHaveLength(1);
  });

  it.each<[string, Partial<Survey>]>([
    ['on other pages', { when: { pages: ['/help'], event: 'order_completed' } }],
    ['sampled out', { when: { event: 'order_completed' }, sample: 0 }],
    ['eligible now (its own load comes when it is due)', { when: { pages: ['/checkout'] } }],
  ])('hints nothing for a survey %s', (_what, survey) => {
    const { tp, runIdle } = setup(survey);
    tp.page();
    runIdle();
    expect(hints()).toEqual([]);
  });

  it('checks again after an SPA navigation reaches the survey’s page', () => {
    const { tp, runIdle } = setup({ when: { pages: ['/checkout/done'], event: 'order_completed' } });
    tp.page();
    runIdle();
    expect(hints()).toEqual([]);
    history.pushState(null, '', '/checkout/done');
    tp.page();
    runIdle();
    expect(hints()).toEqual([URL_NOW]);
  });

  it('hints nothing before consent, which may never come', () => {
    const { tp, runIdle } = setup({ when: { event: 'order_completed' } }, true);
    tp.page();
    runIdle();
    expect(hints()).toEqual([]);
  });
});
