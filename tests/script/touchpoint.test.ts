import type { JourneyEvent, Touchpoint } from '@touchpoint/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type ScriptTouchpoint = Touchpoint & { push(...calls: unknown[][]): void };
declare global {
  interface Window {
    Touchpoint?: unknown;
  }
}

// A path the type-checker does not follow: script/ is its own project.
const entry = new URL('../../script/touchpoint.ts', import.meta.url).pathname;

/** Runs the script-tag entry afresh, as a page load would. */
const load = async () => {
  vi.resetModules();
  await import(/* @vite-ignore */ entry);
  return window.Touchpoint as ScriptTouchpoint;
};

beforeEach(() => {
  localStorage.clear();
  document.head.innerHTML = '';
  delete window.Touchpoint;
});

describe('script tag', () => {
  it('replays the pre-load queue in order and keeps push() working afterwards', async () => {
    const events: JourneyEvent[] = [];
    window.Touchpoint = [
      ['on', '*', (e: JourneyEvent) => events.push(e)],
      ['stage', 'interest', { sku: 'X1' }],
      ['track', 'compared'],
    ];
    const tp = await load();
    tp.push(['track', 'added_to_cart']);
    tp.track('direct');
    expect(events.map((e) => e.name ?? e.stage)).toEqual(['interest', 'compared', 'added_to_cart', 'direct']);
  });

  it('honours data-require-consent on its tag', async () => {
    const tag = document.createElement('script');
    // Not executable, so happy-dom does not try to fetch it; only its attributes matter.
    tag.type = 'text/plain';
    tag.src = '/touchpoint.js';
    tag.setAttribute('data-require-consent', '');
    document.head.append(tag);
    const tp = await load();
    expect(tp.consented).toBe(false);
  });

  it('warns about an unknown queued method without throwing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    window.Touchpoint = [['nope', 1]];
    await load();
    expect(warn.mock.calls.map((c) => String(c[0]))).toContain(
      '[touchpoint] Touchpoint.push(): nope is not a method; ignored',
    );
  });
});
