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
