/** Reports a problem on the console, once per distinct message (STYLE.md 7). */
export type Warn = (message: string, ...detail: unknown[]) => void;

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
    if (said.has(message)) return;
    said.add(message);
    console.warn(`[touchpoint] ${message}`, ...detail);
  };
}
