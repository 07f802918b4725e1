import { STORE_PREFIX } from './keys.js';
import type { JsonValue } from './types.js';
import type { Warn } from './warn.js';

/**
 * Key/value storage that respects consent: the one place that touches localStorage.
 * Values live in memory and are written behind (once per task) only while persisting.
 */
export interface Store {
  /** The stored value, or undefined. `fresh` re-reads storage (another tab may have written). */
  _get(key: string, fresh?: boolean): JsonValue | undefined;
  /** undefined removes. Mutating a gotten object and setting it again is the cheap way. */
  _set(key: string, value: JsonValue | undefined): void;
  /** On: write what memory holds, and keep writing. Off: keep to memory from now on. */
  _persist(on: boolean): void;
  /** Forgets every Touchpoint key, in memory and in storage. */
  _clear(): void;
}

export function createStore(warn: Warn, persisting: boolean): Store {
  let memory: Record<string, JsonValue | undefined> = {};
  // The keys set since the last write, and a write is scheduled; none while not persisting
  // (`_persist(true)` writes every key). Only these are written: another tab's newer values
  // of the others survive.
  let dirty: Record<string, 1> | undefined;

  // Safari private mode, disabled cookies, sandboxed iframes and full quotas make
  // localStorage throw on access: degrade to memory. The warner says it once, and each
  // later access tries again (a full quota may have room again).
  const io = <T>(work: (storage: Storage) => T): T | undefined => {
    try {
      return work(localStorage);
    } catch (error) {
      warn('localStorage is unavailable; memory is used', error);
    }
  };

  // Writing behind keeps localStorage (synchronous, slow) off the hot path of track():
  // a burst of events costs one write per key, still before the page can unload.
  const flush = () => {
    const keys = dirty;
    dirty = undefined;
    // A write-behind still pending when consent is withdrawn must not store anything.
    if (persisting)
      io((s) => {
        for (const key in keys)
          memory[key] === undefined
            ? s.removeItem(STORE_PREFIX + key)
            : s.setItem(STORE_PREFIX + key, JSON.stringify(memory[key]));
      });
  };

  return {
    _get(key, fresh) {
      if (persisting && (fresh || !(key in memory)))
        try {
          memory[key] = JSON.parse(io((s) => s.getItem(STORE_PREFIX + key)) ?? 'null') ?? undefined;
        } catch {
          warn(`stored ${STORE_PREFIX}${key}: invalid; ignored`);
        }
      return memory[key];
    },
    _set(key, value) {
      memory[key] = value;
      if (!persisting) return;
      if (!dirty) {
        dirty = {};
        queueMicrotask(flush);
      }
      dirty[key] = 1;
    },
    _persist(on) {
      persisting = on;
      if (on) {
        dirty = memory as never;
        flush();
      }
    },
    _clear() {
      memory = {};
      dirty = undefined;
      io((s) => {
        for (const key of Object.keys(s)) if (key.startsWith(STORE_PREFIX)) s.removeItem(key);
      });
    },
  };
}
