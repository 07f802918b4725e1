import { type CreateOptions, createTouchpoint, type JourneyEvent, redactUrl } from '@touchpoint/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** An instance created at `address`, and its page views once the first one is sent. */
const startAt = async (address: string, options: CreateOptions) => {
  vi.useFakeTimers();
  history.replaceState(null, '', address);
  const tp = createTouchpoint(options);
  const pages: JourneyEvent[] = [];
  tp.on('page', (e) => pages.push(e));
  await vi.runAllTimersAsync();
  return pages;
};
// happy-dom dispatches no hashchange for history.pushState (browsers do not either): a hash
// router's link click changes location.hash, which does.
const goToHash = async (hash: string) => {
  location.hash = hash;
  dispatchEvent(new HashChangeEvent('hashchange'));
  await vi.runAllTimersAsync();
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
    const pages = await startAt('/app#/home', { autoPageviews: { hash: true } });
    await goToHash('#/cart');
    // An anchor within the route's page is no navigation, nor is the same route again.
    await goToHash('#reviews');
    await goToHash('#/cart');
    await goToHash('#!/checkout?step=2');
    expect(pages.map((e) => [e.page.path, e.page.url])).toEqual([
      ['/home', 'http://localhost:3000/app#/home'],
      ['/cart', 'http://localhost:3000/app#/cart'],
      ['/checkout', 'http://localhost:3000/app#/checkout?step=2'],
    ]);
    expect(pages[1]?.page.referrer).toBe('http://localhost:3000/app#/home');
  });

  it('redacts the hash route as it redacts any address', async () => {
    const pages = await startAt('/app', {
      autoPageviews: { hash: true },
      redact: (url) => redactUrl(url).replace(/\/reset\/[^/?#]+/, '/reset/:token'),
    });
    await goToHash('#/reset/abc123?token=secret');
    expect(pages.map((e) => e.page.path)).toEqual(['/app', '/reset/:token']);
    expect(pages[1]?.page.url).not.toContain('abc123');
    expect(pages[1]?.page.url).not.toContain('secret');
  });

  it('off by default: anchors on a normal page are no page views, and the fragment is never sent', async () => {
    const pages = await startAt('/docs', {});
    await goToHash('#/install');
    await goToHash('#usage');
    expect(pages.map((e) => [e.page.path, e.page.url])).toEqual([['/docs', 'http://localhost:3000/docs']]);
  });

  it('with hash, a fragment that is no route (#access_token=…) is not part of the page', async () => {
    const pages = await startAt('/callback#access_token=abc', { autoPageviews: { hash: true } });
    expect(pages.map((e) => [e.page.path, e.page.url])).toEqual([
      ['/callback', 'http://localhost:3000/callback'],
    ]);
  });
});

describe('the navigate signal', () => {
  it('says at once that an SPA navigation changed the address, with or without automatic page views', async () => {
    for (const autoPageviews of [true, false]) {
      await startAt('/', { autoPageviews });
      const tp = createTouchpoint({ autoPageviews });
      const heard: string[] = [];
      tp.on('navigate', () => heard.push(location.pathname));
      history.pushState(null, '', '/cart');
      // The same address again is no navigation.
      history.replaceState(null, '', '/cart');
      history.pushState(null, '', '/checkout');
      expect(heard).toEqual(['/cart', '/checkout']);
      history.replaceState(null, '', '/');
    }
  });
});

describe('configHash', () => {
  it('is the hash of the configuration in use, undefined before one is applied', () => {
    expect(createTouchpoint({}).configHash).toBeUndefined();
    // The same hash survey events carry: `{"version":1}` is f1e5da7f.
    expect(createTouchpoint({ config: { version: 1 } }).configHash).toBe('f1e5da7f');
  });
});
