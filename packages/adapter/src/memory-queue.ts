// The queue in memory, for pages without usable IndexedDB.
import type { Entry, QueueStore } from './queue-db.js';

/**
 * The same queue in memory: for pages without usable IndexedDB, and lost when the page closes.
 * It answers at once: no `async` on each operation, since every caller awaits anyway.
 * `onClear` runs at each clear: the queue it replaced may still hold events (see {@link openQueue}).
 */
export function memoryQueue(onClear?: () => void): QueueStore {
  // Oldest first: only this page writes here, with increasing keys.
  let list: Entry[] = [];
  let dropped = 0;
  const remove = (keys: IDBValidKey[], delta: number) => {
    list = list.filter(([key]) => !keys.includes(key));
    dropped += delta;
  };
  return {
    _add: (entries, max, lost = 0) => {
      list.push(...entries);
      // A negative count deletes nothing.
      const evicted = list.splice(0, list.length - max).length;
      dropped += evicted + lost;
      return evicted;
    },
    _head: (n) => [list.slice(0, n), dropped],
    // Never below 0: only this page reports, what it read from here.
    _remove: (keys, reported) => remove(keys, -reported),
    _drop: (keys) => remove(keys, keys.length),
    _clear: () => {
      list = [];
      dropped = 0;
      onClear?.();
    },
  };
}
