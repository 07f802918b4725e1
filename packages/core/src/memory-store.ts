import type { Store } from './store.js';

/**
 * The store of an instance without `window` (server rendering, workers, edge runtimes):
 * memory only, never storage, so a server never reads or writes a visitor's data and says
 * nothing about a missing localStorage.
 */
export function createMemoryStore(): Store {
  let memory: Record<string, ReturnType<Store['_get']>> = {};
  return {
    _get: (key) => memory[key],
    _set(key, value) {
      memory[key] = value;
    },
    _persist() {},
    _clear() {
      memory = {};
    },
  };
}
