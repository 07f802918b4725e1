// Starting the survey configuration: loaded once when the triggers start, and applied each
// time a copy arrives (the cached one at once, then the fresh one).
import { type ConfigLoader, cachedConfig, type LoaderContext, loadConfig } from './load-config.js';

/**
 * The longest the first automatic page view waits for a configuration URL without a cached
 * copy: a visitor who leaves meanwhile must not lose the landing page view.
 */
export const FIRST_VIEW_WAIT_MS = 1000;

/** Called when the first page view is due; settles when it may go. */
export type FirstViewWait = () => Promise<unknown>;

/**
 * Loads `source` (an object, inline JSON, a URL or a {@link ConfigLoader}) and calls `apply`
 * with each configuration it yields. Returns what the first page view waits for, called when
 * that view is due (DOMContentLoaded), not at start-up: only a configuration URL without a
 * cached copy makes it wait, until it is applied or for FIRST_VIEW_WAIT_MS at most.
 */
export function startConfig(
  source: unknown,
  context: LoaderContext,
  apply: (raw: unknown) => void,
): FirstViewWait | undefined {
  // A function is a loader (previewConfig): no configuration can be one.
  const loaded =
    typeof source === 'function'
      ? (source as ConfigLoader)(context)
      : loadConfig(source, context._store, context._warn);
  if (!(loaded instanceof Promise)) {
    apply(loaded);
    return undefined;
  }
  // Stale while revalidating: the last good copy runs at once (a multi-page site loads the
  // configuration on every page), and without one the first page view waits for the fetch.
  // Only a URL has one: never a loader's (a preview's draft).
  const stale = cachedConfig(source, context._store);
  // Never an unhandled rejection in the host page, even from a bug in apply().
  const fresh = loaded.then(apply).catch((error) => context._warn('config: not applied', error));
  if (stale) {
    apply(stale);
    return undefined;
  }
  return () => Promise.race([fresh, new Promise((resolve) => setTimeout(resolve, FIRST_VIEW_WAIT_MS))]);
}
