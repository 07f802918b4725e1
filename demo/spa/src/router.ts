import { ROUTES, type RouteName, routeFor } from './routes.js';

/** What the router calls after it has shown a route. */
export type OnRoute = (name: RouteName) => void;

/** Moves to a route with history.pushState (no reload), then renders it. */
export type Navigate = (name: RouteName) => void;

/**
 * A history-API router for the four journey pages: `navigate()` pushes, back and forward
 * (popstate) re-render, and same-app links (`<a data-route>`) are intercepted so a click
 * never reloads the page. `show` renders and runs after the URL changed, so whatever it
 * records carries the new page.
 */
export function startRouter(show: OnRoute): Navigate {
  const navigate: Navigate = (name) => {
    if (location.pathname !== ROUTES[name].path) history.pushState(null, '', ROUTES[name].path);
    show(name);
  };
  addEventListener('popstate', () => show(routeFor(location.pathname)));
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[data-route]');
    // Modified clicks (new tab, download) stay the browser's.
    if (
      !link ||
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey
    )
      return;
    event.preventDefault();
    navigate(link.getAttribute('data-route') as RouteName);
  });
  show(routeFor(location.pathname));
  return navigate;
}
