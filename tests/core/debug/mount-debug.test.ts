import type { Explanation, ListenerMap } from '@touchpoint/core';
import { mountDebug } from '@touchpoint/core/debug';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The explanations as explain({ name }) gives them: the event conditions judged at that event. */
const atEvent = (list: Explanation[], name: string): Explanation[] =>
  list.map((e) => {
    const reasons = e.reasons.map((r) =>
      r.rule === 'event' ? { ...r, ok: r.needed === name, actual: name } : r,
    );
    return { ...e, eligible: reasons.every((r) => r.ok), reasons };
  });

/** An instance whose explanations and preview the test sets, and whose listeners it fires. */
function fakeTp(list: Explanation[], preview?: string) {
  const listeners: Record<string, Set<(payload: unknown) => void>> = {};
  const tp = {
    preview,
    configHash: undefined as string | undefined,
    explain: vi.fn((event?: { name: string }) => (event ? atEvent(list, event.name) : list)),
    on<K extends keyof ListenerMap>(type: K, fn: ListenerMap[K]) {
      listeners[type] ??= new Set();
      listeners[type].add(fn as (payload: unknown) => void);
      return () => listeners[type]?.delete(fn as (payload: unknown) => void);
    },
  };
  const fire = (type: string, payload: unknown = {}) => {
    for (const fn of listeners[type] ?? []) fn(payload);
  };
  return { tp, fire, listeners, list };
}

const CHECKOUT: Explanation = {
  id: 'checkout-csat',
  eligible: false,
  reasons: [
    { rule: 'consent', ok: true, actual: true, needed: true },
    { rule: 'event', ok: false, actual: undefined, needed: 'order_completed' },
    { rule: 'sample', ok: false, actual: 73, needed: 20 },
  ],
};
const HOME: Explanation = {
  id: 'home-nps',
  eligible: true,
  reasons: [{ rule: 'pages', ok: true, actual: '/', needed: '/' }],
  // Picked on this page view; its prompt is coming.
  dueInMs: 0,
};
/** The same survey in its sample: it waits for its event, and nothing else. */
const CHECKOUT_SAMPLED: Explanation = {
  ...CHECKOUT,
  reasons: CHECKOUT.reasons.map((r) => (r.rule === 'sample' ? { ...r, ok: true, actual: 3 } : r)),
};

const shadow = () => document.querySelector('[data-touchpoint-debug]')?.shadowRoot ?? null;
const text = () => shadow()?.textContent ?? '';

afterEach(() => {
  document.body.replaceChildren();
});

describe('mountDebug', () => {
  it('shows the preview banner with an Exit button that leaves preview, and no overlay without tp_debug', () => {
    const exit = vi.fn();
    const { tp } = fakeTp([HOME], '/drafts/next.json');
    mountDebug(tp, { exitPreview: exit, nonce: '', overlay: false });
    const banner = shadow()?.querySelector('[role="region"]');
    expect(banner?.getAttribute('aria-label')).toBe('Touchpoint preview — answers are not recorded');
    expect(banner?.textContent).toContain('Touchpoint preview — answers are not recorded');
    expect(shadow()?.querySelector('.panel')).toBeNull();
    shadow()?.querySelector('button')?.click();
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it('lists every survey with each condition read for people, and which survey shows next', () => {
    const { tp } = fakeTp([CHECKOUT, HOME]);
    mountDebug(tp, { exitPreview: vi.fn(), nonce: '', overlay: true });
    expect(shadow()?.querySelector('.banner')).toBeNull();
    const surveys = [...(shadow()?.querySelectorAll('details') ?? [])];
    expect(surveys.map((d) => d.querySelector('summary')?.textContent)).toEqual([
      '✗ checkout-csat — not eligible',
      '✓ home-nps — eligible',
    ]);
    expect([...(surveys[0]?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      '✓passes: consent given',
      '✗fails: event order_completed pending',
      '✗fails: sample bucket 73 ≥ 20',
    ]);
    expect(shadow()?.querySelector('.next')?.textContent).toBe('home-nps shows now');
  });

  it("says what the triggers will do: after a running delay, on a survey's event, and nothing more for a page view that has picked", () => {
    const later: Explanation = { ...HOME, id: 'later', dueInMs: 1500 };
    const other: Explanation = { id: 'other', eligible: true, reasons: HOME.reasons, decided: true };
    const { tp } = fakeTp([CHECKOUT_SAMPLED, later, other]);
    mountDebug(tp, { exitPreview: vi.fn(), nonce: '', overlay: true });
    expect([...(shadow()?.querySelectorAll('.next p') ?? [])].map((p) => p.textContent)).toEqual([
      'later shows after its delay (1.5 s)',
      'checkout-csat shows on the next matching event `order_completed`',
    ]);
    expect(tp.explain).toHaveBeenCalledWith({ name: 'order_completed', stage: undefined });
    const items = [...(shadow()?.querySelectorAll('[data-id="other"] li') ?? [])].map((li) => li.textContent);
    expect(items.at(-1)).toBe('✗fails: this page view has picked its survey');
  });

  it('refreshes on journey events and configurations, once per burst, keeping closed surveys closed', async () => {
    const { tp, fire, list } = fakeTp([CHECKOUT]);
    mountDebug(tp, { exitPreview: vi.fn(), nonce: '', overlay: true });
    expect(text()).toContain('No survey would show here now');
    (shadow()?.querySelector('details') as HTMLDetailsElement).open = false;
    shadow()?.querySelector('details')?.dispatchEvent(new Event('toggle'));
    list.push(HOME);
    tp.explain.mockClear();
    fire('*');
    tp.configHash = 'f1e5da7f';
    fire('config', 'f1e5da7f');
    await Promise.resolve();
    // One render: explain() here now, once (and once per event a survey waits for).
    expect(tp.explain.mock.calls.filter(([event]) => event === undefined)).toHaveLength(1);
    expect(text()).toContain('home-nps shows now');
    expect(text()).toContain('f1e5da7f');
    expect([...(shadow()?.querySelectorAll('details') ?? [])].map((d) => d.open)).toEqual([false, true]);
  });

  it('names the configuration applied before it mounted, with no config signal after', () => {
    const { tp } = fakeTp([HOME]);
    tp.configHash = 'c0ffee42';
    mountDebug(tp, { exitPreview: vi.fn(), nonce: '', overlay: true });
    expect(shadow()?.querySelector('.meta')?.textContent).toBe('/ · configuration c0ffee42');
  });

  it("follows the core's navigation signal to a new route that sent no event", async () => {
    const { tp, fire } = fakeTp([HOME]);
    history.replaceState(null, '', '/');
    mountDebug(tp, { exitPreview: vi.fn(), nonce: '', overlay: true });
    history.pushState(null, '', '/checkout/done');
    fire('navigate', undefined);
    await Promise.resolve();
    expect(shadow()?.querySelector('.meta')?.textContent).toBe('/checkout/done · configuration');
    history.replaceState(null, '', '/');
  });

  it('closes the overlay with its Close button or Escape, and leaves the page as it was on destroy', () => {
    const { tp, listeners } = fakeTp([HOME]);
    const debug = mountDebug(tp, { exitPreview: vi.fn(), nonce: '', overlay: true });
    const close = shadow()?.querySelector('button[aria-label="Close debug overlay"]') as HTMLButtonElement;
    close.click();
    expect(shadow()?.querySelector('.panel')).toBeNull();
    mountDebug(tp, { exitPreview: vi.fn(), nonce: '', overlay: true });
    const panels = () =>
      [...document.querySelectorAll('[data-touchpoint-debug]')].map((h) =>
        h.shadowRoot?.querySelector('.panel'),
      );
    panels()[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(panels()).toEqual([null, null]);
    debug.destroy();
    expect(document.querySelectorAll('[data-touchpoint-debug]')).toHaveLength(1);
    expect(Object.values(listeners).reduce((n, set) => n + set.size, 0)).toBe(8);
  });

  it('removes the banner when the draft is refused after its origin was checked', async () => {
    const { tp, fire } = fakeTp([HOME], 'https://evil.example/d.json');
    mountDebug(tp, { exitPreview: vi.fn(), nonce: '', overlay: false });
    expect(shadow()?.querySelector('.banner')).not.toBeNull();
    tp.preview = undefined;
    fire('config', 'abcd1234');
    await Promise.resolve();
    expect(shadow()?.querySelector('.banner')).toBeNull();
  });
});
