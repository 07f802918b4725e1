import { createTouchpoint, type JourneyEvent } from '@touchpoint/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
  document.title = 'Shop';
});

describe('the page of an event', () => {
  it('is the new route for track() right after pushState, synchronously', () => {
    const tp = createTouchpoint({ autoPageviews: false });
    const tracked: JourneyEvent[] = [];
    tp.on('track', (e) => tracked.push(e));
    tp.track('before');
    history.pushState(null, '', '/cart?x=1');
    tp.track('after');
    history.replaceState(null, '', '/paid');
    tp.track('replaced');
    expect(tracked.map((e) => [e.name, e.page.path, e.page.referrer ?? ''])).toEqual([
      ['before', '/', ''],
      ['after', '/cart', 'http://localhost:3000/'],
      ['replaced', '/paid', 'http://localhost:3000/cart?x=1'],
    ]);
  });

  it('does not read the address on every event, only after a navigation', () => {
    const tp = createTouchpoint({ autoPageviews: false });
    tp.track('first');
    const href = vi.spyOn(location, 'href', 'get');
    for (let i = 0; i < 50; i++) tp.track('again');
    expect(href).not.toHaveBeenCalled();
    href.mockRestore();
  });
});
