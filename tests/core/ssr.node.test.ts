import { describe, expect, it, vi } from 'vitest';

describe('core on a server (no window, no document, no localStorage)', () => {
  it('imports and creates a working instance without a DOM', async () => {
    expect(typeof window).toBe('undefined');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { createTouchpoint } = await import('@touchpoint/core');
    const tp = createTouchpoint();
    const seen: string[] = [];
    tp.on('track', (e) => seen.push(`${e.name} ${e.page.path}`));
    tp.track('rendered');
    expect(seen).toEqual(['rendered /']);
    // Inert and silent: memory only, so no word about a missing localStorage.
    expect(warn.mock.calls).toEqual([]);
  });
});

describe('core on a server: inert', () => {
  it('fetches no configuration, starts no timer, stores nothing and says nothing, whatever is called', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const storage = { getItem: vi.fn(), setItem: vi.fn(), removeItem: vi.fn() };
    // Deno has a global localStorage without window: a server must still not use it.
    vi.stubGlobal('localStorage', storage);
    const said = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error'), vi.spyOn(console, 'log')];
    for (const spy of said) spy.mockImplementation(() => {});
    const { createTouchpoint, exitPreview } = await import('@touchpoint/core');
    const tp = createTouchpoint({
      config: 'https://example.test/touchpoint.config.json',
      autoPageviews: { hash: true },
    });
    tp.page();
    tp.track('rendered');
    tp.track(42 as never);
    tp.identify('user-7');
    tp.consent(true);
    tp.show('nope');
    tp.reset();
    exitPreview();
    await vi.runAllTimersAsync();
    expect(tp.explain()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    expect(fetch).not.toHaveBeenCalled();
    expect([
      ...storage.getItem.mock.calls,
      ...storage.setItem.mock.calls,
      ...storage.removeItem.mock.calls,
    ]).toEqual([]);
    expect(said.flatMap((spy) => spy.mock.calls)).toEqual([]);
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
});
