import { afterEach, describe, expect, it, vi } from 'vitest';
import { withLock } from '../../packages/adapter/src/lock';
import { createReport } from '../../packages/adapter/src/report';
import { fakeLocks } from './fake-host';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const deferred = () => {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('withLock with Web Locks', () => {
  it('gives up at once when another sender holds the lock and wait is false', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const report = createReport();
    const holding = deferred();
    const first = withLock('q', false, () => holding.promise, report);
    const second = vi.fn(async () => {});
    await withLock('q', false, second, report);
    expect(second).not.toHaveBeenCalled();
    holding.resolve();
    await first;
    await withLock('q', false, second, report);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('queues behind the holder when wait is true, never running two at once', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const report = createReport();
    const order: string[] = [];
    const holding = deferred();
    const first = withLock(
      'q',
      false,
      async () => {
        order.push('first start');
        await holding.promise;
        order.push('first end');
      },
      report,
    );
    const second = withLock('q', true, async () => void order.push('second'), report);
    await Promise.resolve();
    expect(order).toEqual(['first start']);
    holding.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['first start', 'first end', 'second']);
  });

  it('keeps locks of different names apart', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const report = createReport();
    const holding = deferred();
    const first = withLock('a', false, () => holding.promise, report);
    const other = vi.fn(async () => {});
    await withLock('b', false, other, report);
    expect(other).toHaveBeenCalled();
    holding.resolve();
    await first;
  });
});

describe('withLock without Web Locks', () => {
  it('runs the work anyway and warns once', async () => {
    vi.stubGlobal('navigator', {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const report = createReport();
    const work = vi.fn(async () => {});
    await withLock('q', false, work, report);
    await withLock('q', true, work, report);
    expect(work).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[touchpoint\] no Web Locks; /));
  });
});
