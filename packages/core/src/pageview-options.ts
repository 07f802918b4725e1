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
 * follow a hash router). Any object means on, and only `hash: true` follows the fragment.
 */
export const readAutoPageviews = (value: unknown, fallback: boolean): PageviewSettings => ({
  _auto: value === undefined ? fallback : !!value,
  _hash: typeof value === 'object' && (value as { hash?: unknown } | null)?.hash === true,
});
