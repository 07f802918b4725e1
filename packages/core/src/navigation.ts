const watchers: (() => void)[] = [];

/**
 * Calls `onNavigate` after each SPA navigation, synchronously: history.pushState /
 * replaceState (patched once per page, whatever the number of instances), popstate (back /
 * forward) and hashchange. An event recorded right after `pushState` so sees the new route.
 */
export function watchNavigation(onNavigate: () => void): void {
  if (!watchers.length) {
    const notify = () => {
      for (const watcher of watchers) watcher();
    };
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      // Wrap whatever is there (a router may have patched first) and keep `this` and the result.
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        const result = original.apply(this, args);
        notify();
        return result;
      };
    }
    addEventListener('popstate', notify);
    addEventListener('hashchange', notify);
  }
  watchers.push(onNavigate);
}
