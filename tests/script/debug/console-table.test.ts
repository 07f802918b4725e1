import type { Explanation, JourneyEvent, ListenerMap, Touchpoint } from '@touchpoint/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromScript } from '../from-script';

type Tp = Pick<Touchpoint, 'on' | 'explain'>;
const { logOnPageViews } = await fromScript<{ logOnPageViews(tp: Tp): () => void }>('debug/console-table.ts');

/** Passing reasons are left out of the table's `why`. */
const passed = { rule: 'consent', ok: true, actual: true, needed: true } as const;
const SURVEY: Explanation = {
  id: 'checkout-csat',
  eligible: false,
  reasons: [passed, { rule: 'event', ok: false, actual: undefined, needed: 'order_completed' }],
};

function fakeTp() {
  const listeners: Record<string, Set<(payload: unknown) => void>> = {};
  const tp = {
    explain: vi.fn(() => [SURVEY]),
    on<K extends keyof ListenerMap>(type: K, fn: ListenerMap[K]) {
      listeners[type] ??= new Set();
      listeners[type].add(fn as (payload: unknown) => void);
      return () => listeners[type]?.delete(fn as (payload: unknown) => void);
    },
  };
  const fire = (type: string, payload: unknown) => {
    for (const fn of listeners[type] ?? []) fn(payload);
  };
  return { tp, fire, listeners };
}

const page = (path: string) =>
  ({ type: 'page', page: { url: `https://shop.test${path}`, path } }) as JourneyEvent;

describe('logOnPageViews', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the table when the debug file starts, on every page view and every configuration', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const table = vi.spyOn(console, 'table').mockImplementation(() => {});
    const { tp, fire } = fakeTp();
    logOnPageViews(tp);
    expect(info).toHaveBeenLastCalledWith(`[touchpoint] surveys on ${location.pathname} (tp_debug=1)`);
    fire('page', page('/checkout'));
    expect(info).toHaveBeenLastCalledWith('[touchpoint] surveys on /checkout (tp_debug=1)');
    fire('config', 'abcd1234');
    expect(info).toHaveBeenCalledTimes(3);
    expect(table).toHaveBeenLastCalledWith([
      { id: 'checkout-csat', eligible: false, why: 'event: no event, needs order_completed' },
    ]);
  });

  it('stops printing once stopped', () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const table = vi.spyOn(console, 'table').mockImplementation(() => {});
    const { tp, fire, listeners } = fakeTp();
    const stop = logOnPageViews(tp);
    stop();
    fire('page', page('/checkout'));
    expect(table).toHaveBeenCalledTimes(1);
    expect(Object.values(listeners).every((set) => set.size === 0)).toBe(true);
  });
});
