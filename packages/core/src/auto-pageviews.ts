// The automatic page views: the first when the page is ready, then one after every SPA
// navigation that changes the address (path and query, or a hash router's route: hash-route.ts),
// which the local `navigate` signal announces at once, page views or not.
import type { FirstViewWait } from './config-source.js';
import type { Instance } from './instance-state.js';
import { watchNavigation } from './navigation.js';
import { stageOfRoute } from './page-stage.js';

/**
 * Follows SPA navigations (the new route's stage applies at once) and, with `autoPageviews`,
 * sends `view` on load and after each of them. `firstViewReady` may hold the first view back
 * (a configuration URL without a cached copy), so it carries the stage the configuration maps
 * its path to.
 */
export function startPageviews(
  instance: Instance,
  autoPageviews: boolean,
  view: () => void,
  firstViewReady: FirstViewWait | undefined,
): void {
  // The page tracker's address: it watched first, so it is current here.
  let address = instance._page._address();
  watchNavigation(() => {
    const now = instance._page._address();
    if (now === address) return;
    address = now;
    // The route is the page of the events that follow at once, page views or not: they carry
    // its path, so they carry the stage the configuration maps that path to. The page view
    // (automatic, or the site's own page() call) can still take the new <body data-tp-stage>.
    instance._state._stage = stageOfRoute(instance._state._stage, () =>
      instance._triggers._stageFor(instance._page._current().path),
    );
    instance._triggers._navigated();
    // Local, like `config`: tools reading explain() (the debug overlay) follow the new route,
    // page view or not, without patching history again.
    instance._emitter._emit('navigate', undefined);
    // Later, so the router has set the new title and <body data-tp-stage> first.
    if (autoPageviews) setTimeout(view);
  });
  if (!autoPageviews) return;
  // Never inside createTouchpoint(): whoever subscribes in the same task (connect(tp), the
  // script tag's queue replay with its identify() or stage()) must see the first page view.
  const first = () => Promise.resolve(firstViewReady?.()).then(view);
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', first, { once: true });
  else first();
}
