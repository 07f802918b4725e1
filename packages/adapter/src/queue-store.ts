// The only file that knows how the queue is stored: one IndexedDB database per endpoint (shared
// by every tab of the origin, so events a closed tab left are found by the others), one object
// store of events under time-ordered keys, and one counter of evicted events.
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

/** A stored record: `[key, the event's JSON]`; keys sort oldest first. */
export type Entry = [key: IDBValidKey, value: unknown];

/** An answer now (memory) or later (IndexedDB); the caller awaits either. */
type Answer<T> = T | Promise<T>;

/** What a read of the queue gives: a pair, as `Promise.all` and `Object.entries` do. */
export type Head = [entries: Entry[], dropped: number];

/** Queue operations; each one is a single transaction. */
export interface QueueStore {
  /** Stores entries, evicts the oldest beyond `max` and resolves to how many were evicted. */
  _add(entries: Entry[], max: number): Answer<number>;
  /** The `n` oldest entries, and how many evicted events the collector has not been told of. */
  _head(n: number): Answer<Head>;
  /** Deletes entries (acknowledged or rejected) and subtracts `reported` from the evicted count. */
  _remove(keys: IDBValidKey[], reported: number): Answer<void>;
  /** Deletes every entry and the evicted count (consent withdrawn). */
  _clear(): Answer<void>;
}

/**
 * How long IndexedDB may take to answer for the first time. An open can hang without an error:
 * blocked by another connection, or the Safari 14 bug where `indexedDB.open` never fires (the
 * reason for jakearchibald/safari-14-idb-fix). Past it the queue moves to memory like any other
 * failure.
 */
export const OPEN_TIMEOUT_MS = 3000;

// Event keys start with a base-36 digit, so they all sort below this one.
const DROPPED = '~dropped';
const count = (value: unknown) => (typeof value === 'number' && value > 0 ? value : 0);
let last = 0;

/**
 * A key that sorts by creation time across tabs: microseconds-ish from the clock, kept strictly
 * increasing so a burst within one ms keeps its order, and the event id keeps keys of different
 * tabs apart. Base 36 of that number has 10 digits until the year 2083, so keys sort as strings.
 */
export function entryKey(id: string): string {
  last = Math.max(last + 1, Date.now() * 1024);
  return last.toString(36) + id;
}

/** The queue in an idb-keyval store (`createStore(db, 'events')`, opened on first use, never at import). */
export function idbQueue(store: UseStore): QueueStore {
  const events = () => IDBKeyRange.upperBound(DROPPED, true);
  // A promise's continuation runs before the transaction commits (it commits only when no request
  // is pending at the end of a task), so these awaits stay inside one transaction.
  // A count taken below 0 (tabs reporting the same evictions) is stored as it is: `count` reads it as 0.
  const addDropped = async (s: IDBObjectStore, delta: number) =>
    s.put(count(await promisifyRequest(s.get(DROPPED))) + delta, DROPPED);
  return {
    _add: (entries, max) =>
      store('readwrite', async (s) => {
        for (const [key, value] of entries) s.put(value, key);
        // Counted and trimmed inside the writing transaction, so tabs writing at once cannot
        // push the queue past `max` between a count and a trim.
        const evicted = Math.max(0, (await promisifyRequest(s.count(events()))) - max);
        if (evicted) {
          for (const key of await promisifyRequest(s.getAllKeys(events(), evicted))) s.delete(key);
          addDropped(s, evicted);
        }
        await promisifyRequest(s.transaction);
        return evicted;
      }),
    _head: (n) =>
      store('readonly', (s) =>
        Promise.all([
          promisifyRequest(s.getAllKeys(events(), n)),
          promisifyRequest(s.getAll(events(), n)),
          promisifyRequest(s.get(DROPPED)),
        ]).then(([keys, values, dropped]): Head => [keys.map((key, i) => [key, values[i]]), count(dropped)]),
      ),
    _remove: (keys, reported) =>
      store('readwrite', (s) => {
        for (const key of keys) s.delete(key);
        if (reported) addDropped(s, -reported);
        return promisifyRequest(s.transaction);
      }),
    // Async, so a missing IndexedDB (whose open throws at once) rejects like any other failure.
    _clear: async () => store('readwrite', (s) => promisifyRequest(s.clear())),
  };
}

/**
 * The same queue in memory: for pages without usable IndexedDB, and lost when the page closes.
 * It answers at once: no `async` on each operation, since every caller awaits anyway.
 * `onClear` runs at each clear: the queue it replaced may still hold events (see {@link openQueue}).
 */
export function memoryQueue(onClear?: () => void): QueueStore {
  // Oldest first: only this page writes here, with increasing keys.
  let list: Entry[] = [];
  let dropped = 0;
  return {
    _add: (entries, max) => {
      list.push(...entries);
      // A negative count deletes nothing.
      const evicted = list.splice(0, list.length - max).length;
      dropped += evicted;
      return evicted;
    },
    _head: (n) => [list.slice(0, n), dropped],
    _remove: (keys, reported) => {
      list = list.filter(([key]) => !keys.includes(key));
      // Never below 0: only this page reports, what it read from here.
      dropped -= reported;
    },
    _clear: () => {
      list = [];
      dropped = 0;
      onClear?.();
    },
  };
}

/**
 * IndexedDB, falling back to memory for good at its first failure (missing, blocked by policy,
 * throwing, over quota, or no answer within {@link OPEN_TIMEOUT_MS}). Entries of a failed write
 * go to memory, so none is lost while the page lives; `onFail` is told why, once.
 *
 * A clear (withdrawn consent) reaches IndexedDB in either mode: after the switch it may still
 * hold what it stored before, and a write that waited for a slow open lands there after the
 * switch. The clear is made after that write and IndexedDB runs them in that order; it is not
 * awaited, since that open may never answer, and its failure is no news.
 */
export function openQueue(dbName: string, onFail: (error: unknown) => void): QueueStore {
  const idb = idbQueue(createStore(dbName, 'events'));
  let active: QueueStore | undefined;
  // IndexedDB answered once: the connection is open and later transactions are waited for.
  // Only operations before that race a deadline: a slow transaction later (a busy disk, a clock
  // that jumps) must not switch a working queue to memory and strand what it stored.
  let answered = false;
  const guard =
    <A extends unknown[], R>(op: (q: QueueStore) => (...args: A) => Answer<R>) =>
    async (...args: A): Promise<R> => {
      if (!active) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
          // A race in one promise (smaller than Promise.race and a second promise).
          return await new Promise<R>((resolve, reject) => {
            // First: it throws at once when there is no IndexedDB, and no timer is made then.
            (op(idb)(...args) as Promise<R>).then(resolve, reject);
            // No deadline once IndexedDB has answered.
            if (!answered) timer = setTimeout(reject, OPEN_TIMEOUT_MS, 'blocked');
          });
        } catch (error) {
          // Concurrent operations may fail together: one warning, one memory queue.
          if (!active) {
            onFail(error);
            active = memoryQueue(() => (idb._clear() as Promise<void>).catch(() => {}));
          }
        } finally {
          // After a failure `active` decides, so this only matters after an answer.
          clearTimeout(timer);
          answered = true;
        }
      }
      return op(active)(...args);
    };
  return {
    _add: guard((q) => q._add),
    _head: guard((q) => q._head),
    _remove: guard((q) => q._remove),
    _clear: guard((q) => q._clear),
  };
}
