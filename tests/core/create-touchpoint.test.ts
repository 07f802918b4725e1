import { createTouchpoint, type JourneyEvent, STAGES } from '@touchpoint/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const collect = (tp: ReturnType<typeof createTouchpoint>, type: '*' | 'page' | 'track' = '*') => {
  const events: JourneyEvent[] = [];
  tp.on(type, (e) => events.push(e));
  return events;
};
const flushStore = () => Promise.resolve();

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
  document.body.removeAttribute('data-tp-stage');
  document.title = 'Home';
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createTouchpoint', () => {
  it('exports the journey stages in journey order', () => {
    expect(STAGES).toEqual([
      'discovery',
      'touchpoint',
      'interest',
      'purchase',
      'use',
      'service',
      'advocacy',
      'churn',
    ]);
  });

  it('records a page view on creation with the page context', () => {
    history.replaceState(null, '', '/products/x?ref=ad');
    const events: JourneyEvent[] = [];
    const tp = createTouchpoint({ autoPageviews: false });
    tp.on('*', (e) => events.push(e));
    tp.page();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'page',
      page: { url: 'http://localhost:3000/products/x?ref=ad', path: '/products/x', title: 'Home' },
    });
    expect(events[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(events[0]?.anonymousId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives track events their name, props and the stage from props.stage', () => {
    const tp = createTouchpoint({ autoPageviews: false });
    const events = collect(tp);
    tp.track('order_completed', { stage: 'purchase', total: 42 });
    expect(events[0]).toMatchObject({
      type: 'track',
      name: 'order_completed',
      stage: 'purchase',
      props: { total: 42 },
    });
    expect(events[0]?.props).not.toHaveProperty('stage');
  });
});
