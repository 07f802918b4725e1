import { firstTime } from './warn.js';

// biome-ignore lint/suspicious/noExplicitAny: listeners of every payload type share one set type
type Listener = (payload: any) => void;

/** A tiny event emitter that never lets one listener break the others or the caller. */
export interface Emitter {
  _on(type: string, fn: Listener): () => void;
  _emit(type: string, payload: unknown): void;
}

export function createEmitter(): Emitter {
  // Sets: a listener removed while listeners run is skipped, and nothing is copied per emit.
  // No prototype: `on('constructor')` or `on('__proto__')` must find no inherited value.
  const sets: Record<string, Set<Listener>> = Object.create(null);
  const reported = new WeakSet<Listener>();
  return {
    _on(type, fn) {
      sets[type] ??= new Set();
      const set = sets[type];
      set.add(fn);
      return () => {
        set.delete(fn);
      };
    },
    _emit(type, payload) {
      sets[type]?.forEach((fn) => {
        try {
          fn(payload);
        } catch (error) {
          // Reported once per listener, never rethrown: we run inside someone else's page.
          if (firstTime(reported, fn)) console.error(`[touchpoint] a '${type}' listener threw`, error);
        }
      });
    },
  };
}
