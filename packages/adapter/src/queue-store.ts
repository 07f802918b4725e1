// The queue's storage as the adapter uses it: IndexedDB, or memory once IndexedDB has failed.
import { memoryQueue } from './memory-queue.js';
import { type Answer, eventStore, idbQueue, type QueueStore } from './queue-db.js';

/**
 * How long IndexedDB may take to answer for the first time. An open can hang without an error:
 * blocked by another connection, or the Safari 14 bug where `indexedDB.open` never fires (the
 * reason for jakearchibald/safari-14-idb-fix). Past it the queue moves to memory like any other
 * failure.
 */
export const OPEN_TIMEOUT_MS = 3000;

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
  const idb = idbQueue(eventStore(dbName));
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
    _drop: guard((q) => q._drop),
    _clear: guard((q) => q._clear),
  };
}
