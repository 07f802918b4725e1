import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryQueue } from '../../packages/adapter/src/memory-queue';
import { type Entry, entryKey, type QueueStore } from '../../packages/adapter/src/queue-db';
import { OPEN_TIMEOUT_MS, openQueue } from '../../packages/adapter/src/queue-store';
import { holdOpens } from './fake-host';

let n = 0;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const entries = (count: number): Entry[] =>
  Array.from({ length: count }, () => {
    const id = `e${++n}`;
    return [entryKey(id), { id, type: 'track' }];
  });
const ids = (list: Entry[]) => list.map(([, value]) => (value as { id: string }).id);

describe.each([
  // openQueue on a working IndexedDB is the IndexedDB queue (its failure would throw here).
  [
    'IndexedDB',
    () =>
      openQueue('q', (error) => {
        throw error;
      }),
  ],
  ['memory', memoryQueue],
] as [string, () => QueueStore][])('the %s queue', (_name, make) => {
  it('gives back the oldest entries first, at most n', async () => {
    const q = make();
    const added = entries(5);
    await q._add(added.slice(0, 3), 100);
    await q._add(added.slice(3), 100);
    expect(await q._head(4)).toEqual([added.slice(0, 4), 0]);
  });

  it('evicts the oldest beyond max and counts them until a batch reports them', async () => {
    const q = make();
    const added = entries(5);
    expect(await q._add(added.slice(0, 3), 3)).toBe(0);
    expect(await q._add(added.slice(3), 3)).toBe(2);
    const head = await q._head(10);
    expect(ids(head[0])).toEqual(ids(added.slice(2)));
    expect(head[1]).toBe(2);
    await q._remove([added[2]?.[0] as IDBValidKey], 2);
    expect(await q._head(10)).toEqual([added.slice(3), 0]);
  });

  it('counts the events lost before they could be stored with the evicted ones, a write of none of them included', async () => {
    const q = make();
    const added = entries(3);
    expect(await q._add(added, 2, 1)).toBe(1);
    expect(await q._add([], 2, 2)).toBe(0);
    expect(await q._head(10)).toEqual([added.slice(1), 4]);
    await q._remove([], 4);
    expect((await q._head(10))[1]).toBe(0);
  });

  it('clears every entry and the evicted count', async () => {
    const q = make();
    await q._add(entries(4), 2);
    await q._clear();
    expect(await q._head(10)).toEqual([[], 0]);
  });
});

describe('entryKey', () => {
  it('sorts keys by creation, within one millisecond too', () => {
    const keys = Array.from({ length: 50 }, (_, i) => entryKey(`id-${50 - i}`));
    expect([...keys].sort()).toEqual(keys);
  });
});

describe('openQueue', () => {
  it('moves to memory for good at the first failure, telling why once', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const onFail = vi.fn();
    const q = openQueue('q', onFail);
    const added = entries(3);
    await Promise.all([q._add(added.slice(0, 2), 10), q._add(added.slice(2), 10), q._head(1)]);
    expect(ids((await q._head(10))[0])).toEqual(ids(added));
    expect(onFail).toHaveBeenCalledTimes(1);
    expect(String(onFail.mock.calls[0]?.[0])).toContain('denied');
  });

  it('gives an open that never answers OPEN_TIMEOUT_MS, then uses memory', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      vi.spyOn(indexedDB, 'open').mockReturnValue({} as IDBOpenDBRequest);
      const onFail = vi.fn();
      const q = openQueue('q', onFail);
      const added = entries(1);
      const adding = q._add(added, 10);
      await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS - 1);
      expect(onFail).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      await adding;
      expect(onFail).toHaveBeenCalledWith('blocked');
      expect(ids((await q._head(10))[0])).toEqual(ids(added));
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves no deadline behind once IndexedDB answered', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const onFail = vi.fn();
      const q = openQueue('q', onFail);
      await q._add(entries(1), 10);
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS);
      expect((await q._head(10))[0]).toHaveLength(1);
      expect(onFail).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits for a slow operation once IndexedDB has answered: no deadline strands what it stored', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const onFail = vi.fn();
      const q = openQueue('q', onFail);
      const stored = entries(1);
      await q._add(stored, 10);
      // A clock that jumps past the deadline while a read is on its way (a busy disk, a test's
      // fast-forward): the read is still answered by IndexedDB, with what it holds.
      const reading = q._head(10);
      await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS * 2);
      expect(ids((await reading)[0])).toEqual(ids(stored));
      expect(onFail).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  describe('clear, after the queue moved to memory', () => {
    /** Lets fake-indexeddb finish what it started (it runs on real macrotasks). */
    const settle = async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    };

    it('deletes what a write waiting for a slow open stored in IndexedDB after the switch', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const opens = holdOpens();
        const q = openQueue('q', () => {});
        const adding = q._add(entries(2), 10);
        await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS);
        await adding;
        opens.release();
        await settle();
        expect((await openQueue('q', () => {})._head(10))[0]).toHaveLength(2);
        await q._clear();
        await settle();
        expect(await q._head(10)).toEqual([[], 0]);
        expect(await openQueue('q', () => {})._head(10)).toEqual([[], 0]);
      } finally {
        vi.useRealTimers();
      }
    });

    it('deletes what IndexedDB held before a later write failed', async () => {
      const q = openQueue('q', () => {});
      await q._add(entries(2), 1);
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
        throw new DOMException('full', 'QuotaExceededError');
      });
      await q._add(entries(1), 10);
      vi.restoreAllMocks();
      await q._clear();
      await settle();
      expect(await openQueue('q', () => {})._head(10)).toEqual([[], 0]);
    });

    it('neither throws nor rejects when IndexedDB is missing', async () => {
      vi.stubGlobal('indexedDB', undefined);
      try {
        const q = openQueue('q', () => {});
        await q._add(entries(1), 10);
        await expect(q._clear()).resolves.toBeUndefined();
        await settle();
        expect(await q._head(10)).toEqual([[], 0]);
      } finally {
        vi.unstubAllGlobals();
      }
    });
  });
});
