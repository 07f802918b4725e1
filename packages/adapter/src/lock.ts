// One sender at a time across the tabs of an origin, so no event is in two requests at once.
import type { Report } from './report.js';

/**
 * Runs `work` while holding the Web Lock `name`, which the browser releases by itself when a
 * tab closes or crashes. `wait` false gives up at once when another sender holds it (timer
 * flushes: the holder drains the shared queue anyway); `wait` true queues behind it (`flush()`).
 */
export async function withLock(name: string, wait: boolean, work: () => Promise<void>, report: Report) {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(name, { ifAvailable: !wait }, (lock) => lock && work());
  // Every engine with IndexedDB has had Web Locks since 2022 (Chrome 69, Firefox 96, Safari
  // 15.4), so a storage lease (~230 B) would serve almost nobody. Without locks two tabs may
  // send the same events at once; delivery is at-least-once and collectors de-duplicate by id.
  report('no Web Locks', 'sending anyway');
  return work();
}
