// The queue as delivery sees it: named operations over the storage (queue-store.ts), which alone
// knows how records and the dropped count are kept.
import { readable } from './batch.js';
import type { Answer, Entry, QueueStore } from './queue-db.js';
import type { Report } from './report.js';

/** A stored event ready to go: its queue key and its JSON. */
export type Item = [key: IDBValidKey, json: string];

/** A batch read from the queue: the oldest events, and the dropped count not yet reported. */
export type Peeked = [items: Item[], dropped: number];

export interface Queue {
  /**
   * Stores events; beyond `maxQueue` the oldest are evicted (one warning) and counted as dropped,
   * with the `lost` events that could not be stored at all.
   */
  _add(items: Item[], lost?: number): Promise<void>;
  /** The `n` oldest events; unreadable records found on the way are deleted (one warning). */
  _peek(n: number): Promise<Peeked>;
  /** Forgets events a 2xx acknowledged; the collector has now been told of `reported` drops. */
  _acknowledge(keys: IDBValidKey[], reported: number): Answer<void>;
  /** Forgets events the collector refused, counting them in the next batch's `dropped`. */
  _drop(keys: IDBValidKey[]): Answer<void>;
  /** Forgets everything, the dropped count too (consent withdrawn). */
  _clear(): Answer<void>;
}

export function createQueue(store: QueueStore, maxQueue: number, report: Report): Queue {
  return {
    _add: async (items, lost = 0) => {
      if (await store._add(items, maxQueue, lost)) report('queue full (maxQueue)', 'oldest dropped');
    },
    _peek: async (n) => {
      for (;;) {
        const [entries, dropped] = await store._head(n);
        const unreadable = entries.filter((entry) => !readable(entry[1]));
        if (!unreadable.length) return [entries as Item[], dropped];
        report('unreadable stored events', 'skipped');
        // Not counted as dropped: they were never events. Read again: the readable ones are
        // still at the head, with what follows them.
        await store._remove(
          unreadable.map((entry: Entry) => entry[0]),
          0,
        );
      }
    },
    // The storage's own operations, under the names delivery speaks in.
    _acknowledge: store._remove,
    _drop: store._drop,
    _clear: store._clear,
  };
}
