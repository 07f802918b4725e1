import { describe, expect, it, vi } from 'vitest';
import {
  createKeepAlive,
  type KeepAliveAction,
  type KeepAliveEffect,
  type KeepAliveState,
  nextKeepAlive,
} from '../../packages/react/src/keep-alive';

describe('nextKeepAlive', () => {
  const table: [KeepAliveState, KeepAliveAction, KeepAliveState, KeepAliveEffect][] = [
    ['idle', 'acquire', 'running', 'start'],
    ['idle', 'release', 'idle', 'none'],
    ['idle', 'settle', 'idle', 'none'],
    ['running', 'acquire', 'running', 'none'],
    ['running', 'release', 'releasing', 'defer'],
    // A settle left over from an earlier release, after a new acquire: nothing stops.
    ['running', 'settle', 'running', 'none'],
    // Strict Mode: cleanup, then the effect again before the deferred stop is due.
    ['releasing', 'acquire', 'running', 'none'],
    ['releasing', 'release', 'releasing', 'none'],
    ['releasing', 'settle', 'idle', 'stop'],
  ];
  it.each(table)('%s + %s → %s, %s', (state, action, next, effect) => {
    expect(nextKeepAlive(state, action)).toEqual([next, effect]);
  });
});

describe('createKeepAlive', () => {
  const setup = () => {
    const stop = vi.fn();
    const start = vi.fn(() => stop);
    const due: (() => void)[] = [];
    const alive = createKeepAlive(start, (fn) => due.push(fn));
    const settle = () => {
      for (const fn of due.splice(0)) fn();
    };
    return { start, stop, alive, settle };
  };

  it('starts once when a release is followed by an acquire before the deferred stop', () => {
    const { start, stop, alive, settle } = setup();
    alive.acquire();
    alive.release();
    alive.acquire();
    settle();
    expect(start).toHaveBeenCalledOnce();
    expect(stop).not.toHaveBeenCalled();
  });

  it('stops once the deferred stop is due after a release alone, and starts again on a later acquire', () => {
    const { start, stop, alive, settle } = setup();
    alive.acquire();
    alive.release();
    expect(stop).not.toHaveBeenCalled();
    settle();
    expect(stop).toHaveBeenCalledOnce();
    alive.acquire();
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('defers with queueMicrotask by default', async () => {
    const stop = vi.fn();
    const alive = createKeepAlive(() => stop);
    alive.acquire();
    alive.release();
    expect(stop).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(stop).toHaveBeenCalledOnce();
  });
});
