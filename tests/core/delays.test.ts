import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDelays } from '../../packages/core/src/delays';

describe('createDelays', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after the delay, and ignores a second start while the survey waits', () => {
    const delays = createDelays();
    const fire = vi.fn();
    delays._start('a', '/', 1000, fire);
    delays._start('a', '/', 10, fire);
    vi.advanceTimersByTime(999);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
    // Fired, it may wait again.
    delays._start('a', '/', 10, fire);
    vi.advanceTimersByTime(10);
    expect(fire).toHaveBeenCalledTimes(2);
  });

  it('says how long a survey still waits, and nothing once it fired, was cancelled or never waited', () => {
    const delays = createDelays();
    delays._start('a', '/', 1000, () => {});
    delays._start('b', '/other', 1000, () => {});
    vi.advanceTimersByTime(400);
    expect(delays._left('a', Date.now())).toBe(600);
    expect(delays._left('a', Date.now() + 5000)).toBe(0);
    expect(delays._left('__proto__', Date.now())).toBeUndefined();
    delays._cancelOffPage('/');
    expect(delays._left('b', Date.now())).toBeUndefined();
    vi.advanceTimersByTime(600);
    expect(delays._left('a', Date.now())).toBeUndefined();
  });

  it('cancels what waits on other pages, and keeps what waits on this one', () => {
    const delays = createDelays();
    const here = vi.fn();
    const elsewhere = vi.fn();
    delays._start('here', '/checkout', 100, here);
    delays._start('constructor', '/home', 100, elsewhere);
    delays._cancelOffPage('/checkout');
    vi.advanceTimersByTime(100);
    expect(here).toHaveBeenCalledTimes(1);
    expect(elsewhere).not.toHaveBeenCalled();
  });

  it("cancels one survey's wait, and leaves the others", () => {
    const delays = createDelays();
    const outranked = vi.fn();
    const other = vi.fn();
    delays._start('toString', '/', 100, outranked);
    delays._start('b', '/', 100, other);
    delays._cancel('toString');
    delays._cancel('never-waited');
    vi.advanceTimersByTime(100);
    expect(outranked).not.toHaveBeenCalled();
    expect(other).toHaveBeenCalledTimes(1);
    expect(delays._left('toString', Date.now())).toBeUndefined();
  });
});
