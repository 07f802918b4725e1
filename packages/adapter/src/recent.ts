// This page's newest unacknowledged events (at most a batch), kept in memory for the page-hide
// send: IndexedDB is async and a hidden page may never run another task. A full set also means
// a full batch is waiting. Another tab may deliver them: each read of the queue forgets what is
// no longer stored.
import type { Item } from './queue.js';

export interface Recent {
  /** Keeps an event, forgetting the oldest beyond `size`: those are safely stored by now. */
  _remember(key: string, json: string): void;
  /** The newest key this page has stored in the queue. */
  _stored(key: string): void;
  /** A mark to take before reading the queue, for {@link Recent._prune}. */
  _mark(): string;
  /**
   * After a read that found `oldest` at the head of the queue (or nothing): keys sort by time, so
   * what this page had stored at `mark` and is older than the head was delivered or evicted,
   * maybe by another tab. Kept, it would keep the set full (a request per new event) and be
   * posted again at page hide.
   */
  _prune(mark: string, oldest: IDBValidKey | undefined): void;
  _forget(keys: IDBValidKey[]): void;
  _clear(): void;
  _items(): Item[];
  /** As many events as a batch. */
  _full(): boolean;
}

export function createRecent(size: number): Recent {
  const events = new Map<string, string>();
  // The newest key this page has stored.
  let stored = '';
  return {
    _remember(key, json) {
      events.set(key, json);
      if (events.size > size) events.delete(events.keys().next().value as string);
    },
    _stored(key) {
      stored = key;
    },
    _mark: () => stored,
    _prune(mark, oldest) {
      for (const key of events.keys())
        if (key <= mark && (oldest === undefined || key < (oldest as string))) events.delete(key);
    },
    _forget(keys) {
      for (const key of keys) events.delete(key as string);
    },
    _clear: () => events.clear(),
    _items: () => [...events],
    _full: () => events.size >= size,
  };
}
