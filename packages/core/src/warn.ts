/** Reports a problem on the console, once per distinct message. */
export type Warn = (message: string, ...detail: unknown[]) => void;

/**
 * True the first time `key` is seen (and remembers it), false after: the one shape of every
 * once-only report. `seen` is a Set for messages, a WeakSet for listeners.
 */
export function firstTime<K extends WeakKey | string>(
  seen: { has(key: K): boolean; add(key: K): unknown },
  key: K,
): boolean {
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/**
 * How a bad argument appears in a development warning, without ever throwing itself
 * (symbols would).
 */
export const quote = (value: unknown) => (typeof value === 'string' ? `'${value}'` : typeof value);

/**
 * One warner per instance: the message is the cause, so a field path or an id in it makes
 * each bad field its own cause, and a page that calls `track()` in a loop warns once.
 */
export function createWarn(): Warn {
  const said = new Set<string>();
  // A rest parameter, so an absent detail does not print a trailing `undefined`.
  return (message, ...detail) => {
    if (firstTime(said, message)) console.warn(`[touchpoint] ${message}`, ...detail);
  };
}
