/** `autoPageviews` as createTouchpoint takes it: on or off, or on with hash routes. */
export type AutoPageviews = boolean | { hash?: boolean | undefined };

/** What `autoPageviews` turns on. */
export interface PageviewSettings {
  /** A `page` event on load and after each navigation. */
  _auto: boolean;
  /** The fragment's route (`#/cart`) is the page's path, and `hashchange` is a navigation. */
  _hash: boolean;
}

/**
 * Reads `autoPageviews`: `true` / `false`, or `{ hash: true }` (automatic page views that
 * follow a hash router). An object means on; anything else is the default, reported.
 */
export function readAutoPageviews(
  value: unknown,
  fallback: boolean,
  warn: (message: string) => void,
): PageviewSettings {
  if (value === undefined) return { _auto: fallback, _hash: false };
  if (typeof value === 'boolean') return { _auto: value, _hash: false };
  if (
    typeof value === 'object' &&
    value &&
    ['boolean', 'undefined'].includes(typeof (value as { hash?: unknown }).hash)
  )
    return { _auto: true, _hash: (value as { hash?: boolean }).hash === true };
  warn('options.autoPageviews: invalid; default used');
  return { _auto: fallback, _hash: false };
}
