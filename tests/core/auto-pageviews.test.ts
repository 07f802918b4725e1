import { createTouchpoint, type JourneyEvent, redactUrl } from '@touchpoint/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const pagesOf = (tp: ReturnType<typeof createTouchpoint>) => {
  const events: JourneyEvent[] = [];
  tp.on('page', (e) => events.push(e));
  return events;
};
// happy-dom dispatches no hashchange for history.pushState (browsers do not either): a hash
// router's link click changes location.hash, which does.
const goToHash = (hash: string) => {
  location.hash = hash;
  dispatchEvent(new HashChangeEvent('hashchange'));
};

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
  document.title = 'Shop';
});
afterEach(() => {
  vi.useRealTimers();
});

describe('hash routers', () => {
  it('with autoPageviews { hash: true }, each hash route is a page view with the route as its path', async () => {
    vi.useFakeTimers();
    history.replaceState(null, '', '/app#/home');
    const tp = createTouchpoint({ autoPageviews: { hash: true } });
    const pages = pagesOf(tp);
    await vi.runAllTimersAsync();
    goToHash('#/cart');
    await vi.runAllTimersAsync();
    // An anchor within the route's page is no navigation, nor is the same route again.
    goToHash('#reviews');
    await vi.runAllTimersAsync();
    goToHash('#/cart');
    await vi.runAllTimersAsync();
    goToHash('#!/checkout?step=2');
    await vi.runAllTimersAsync();
    expect(pages.map((e) => [e.page.path, e.page.url])).toEqual([
      ['/home', 'http://localhost:3000/app#/home'],
      ['/cart', 'http://localhost:3000/app#/cart'],
      ['/checkout', 'http://localhost:3000/app#/checkout?step=2'],
    ]);
    expect(pages[1]?.page.referrer).toBe('http://localhost:3000/app#/home');
  });

  it('redacts the hash route as it redacts any address', async () => {
    vi.useFakeTimers();
    history.replaceState(null, '', '/app');
    const tp = createTouchpoint({
      autoPageviews: { hash: true },
      redact: (url) => redactUrl(url).replace(/\/reset\/[^/?#]+/, '/reset/:token'),
    });
    const pages = pagesOf(tp);
    await vi.runAllTimersAsync();
    goToHash('#/reset/abc123?token=secret');
    await vi.runAllTimersAsync();
    expect(pages.map((e) => e.page.path)).toEqual(['/app', '/reset/:token']);
    expect(pages[1]?.page.url).not.toContain('abc123');
    expect(pages[1]?.page.url).not.toContain('secret');
  });

  it('off by default: anchors on a normal page are no page views, and the fragment is never sent', async () => {
    vi.useFakeTimers();
    history.replaceState(null, '', '/docs');
    const tp = createTouchpoint();
    const pages = pagesOf(tp);
    await vi.runAllTimersAsync();
    goToHash('#/install');
    await vi.runAllTimersAsync();
    goToHash('#usage');
    await vi.runAllTimersAsync();
    expect(pages.map((e) => [e.page.path, e.page.url])).toEqual([['/docs', 'http://localhost:3000/docs']]);
  });

  it('with hash, a fragment that is no route (#access_token=…) is not part of the page', async () => {
    vi.useFakeTimers();
    history.replaceState(null, '', '/callback#access_token=abc');
    const tp = createTouchpoint({ autoPageviews: { hash: true } });
    const pages = pagesOf(tp);
    await vi.runAllTimersAsync();
    expect(pages.map((e) => [e.page.path, e.page.url])).toEqual([
      ['/callback', 'http://localhost:3000/callback'],
    ]);
  });
});
