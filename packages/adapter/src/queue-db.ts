// The only file that knows how the queue is stored: one IndexedDB database per endpoint (shared
// by every tab of the origin, so events a closed tab left are found by the others), one object
// store of events under time-ordered keys, and one counter of dropped events beside them.
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

/** A stored record: `[key, the event's JSON]`; keys sort oldest first. */
export type Entry = [key: IDBValidKey, value: unknown];

/** An answer now (memory) or later (IndexedDB); the caller awaits either. */
export type Answer<T> = T | Promise<T>;

/** What a read of the queue gives: a pair, as `Promise.all` and `Object.entries` do. */
export type Head = [entries: Entry[], dropped: number];

/** Storage operations; each one is a single transaction. */
export interface QueueStore {
  /**
   * Stores entries, evicts the oldest beyond `max` and resolves to how many; counts them as
   * dropped, with the `lost` events that never became entries (they could not be serialized).
   */
  _add(entries: Entry[], max: number, lost?: number): Answer<number>;
  /** The `n` oldest entries, and how many dropped events the collector has not been told of. */
  _head(n: number): Answer<Head>;
  /** Deletes entries (acknowledged or unreadable) and subtracts `reported` from the dropped count. */
  _remove(keys: IDBValidKey[], reported: number): Answer<void>;
  /** Deletes entries the collector refused and adds them to the dropped count. */
  _drop(keys: IDBValidKey[]): Answer<void>;
  /** Deletes every entry and the dropped count (consent withdrawn). */
  _clear(): Answer<void>;
}

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
  // A count taken below 0 (tabs reporting the same drops) is stored as it is: `count` reads it as 0.
  const addDropped = async (s: IDBObjectStore, delta: number) =>
    s.put(count(await promisifyRequest(s.get(DROPPED))) + delta, DROPPED);
  const remove = (keys: IDBValidKey[], delta: number) =>
    store('readwrite', (s) => {
      for (const key of keys) s.delete(key);
      if (delta) addDropped(s, delta);
      return promisifyRequest(s.transaction);
    });
  return {
    _add: (entries, max, lost = 0) =>
      store('readwrite', async (s) => {
        for (const [key, value] of entries) s.put(value, key);
        // Counted and trimmed inside the writing transaction, so tabs writing at once cannot
        // push the queue past `max` between a count and a trim.
        const evicted = Math.max(0, (await promisifyRequest(s.count(events()))) - max);
        if (evicted) for (const key of await promisifyRequest(s.getAllKeys(events(), evicted))) s.delete(key);
        if (evicted + lost) addDropped(s, evicted + lost);
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
    _remove: (keys, reported) => remove(keys, -reported),
    _drop: (keys) => remove(keys, keys.length),
    // Async, so a missing IndexedDB (whose open throws at once) rejects like any other failure.
    _clear: async () => store('readwrite', (s) => promisifyRequest(s.clear())),
  };
}

/** The database of the queue for `endpoint` (also the name of its Web Lock). */
export const databaseName = (endpoint: string) => `touchpoint-queue ${endpoint}`;

/** The idb-keyval store of a database: opened at its first operation, never before. */
export const eventStore = (name: string) => createStore(name, 'events');
