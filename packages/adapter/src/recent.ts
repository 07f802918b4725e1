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
  // Oldest first. Trimmed to `size` only once it holds twice as many: a burst of events then
  // costs an array push each, not a Map insertion and deletion (measured in Chromium's profile
  // of 10,000 track() calls in one task).
  let events: Item[] = [];
  // The newest key this page has stored.
  let stored = '';
  const current = () => {
    if (events.length > size) events = events.slice(-size);
    return events;
  };
  return {
    _remember(key, json) {
      if (events.push([key, json]) >= 2 * size) current();
    },
    _stored(key) {
      stored = key;
    },
    _mark: () => stored,
    _prune(mark, oldest) {
      events = current().filter(
        ([key]) =>
          !((key as string) <= mark && (oldest === undefined || (key as string) < (oldest as string))),
      );
    },
    _forget(keys) {
      events = current().filter(([key]) => !keys.includes(key));
    },
    _clear() {
      events = [];
    },
    _items: () => [...current()],
    _full: () => current().length >= size,
  };
}
