/** The app's base path: the demo server serves this app under /spa/. */
export const BASE = '/spa';

/** A page of the journey: its path under {@link BASE} and the title the router sets. */
export interface Route {
  path: string;
  title: string;
}

/** The journey, in order: home → product → checkout → done. */
export const ROUTES = {
  home: { path: `${BASE}/`, title: 'Fieldnote' },
  product: { path: `${BASE}/products/trail-runner`, title: 'Trail Runner · Fieldnote' },
  checkout: { path: `${BASE}/checkout`, title: 'Checkout · Fieldnote' },
  done: { path: `${BASE}/checkout/done`, title: 'Order confirmed · Fieldnote' },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

/**
 * The route a path names, or home for anything else: the server answers every path under
 * /spa/ with the same index.html, so an unknown one still gets a page. A trailing slash
 * is ignored (`/spa/checkout/` is checkout).
 */
export function routeFor(path: string): RouteName {
  const trimmed = path.length > 1 && path.endsWith('/') && path !== `${BASE}/` ? path.slice(0, -1) : path;
  for (const [name, route] of Object.entries(ROUTES)) if (route.path === trimmed) return name as RouteName;
  return 'home';
}
