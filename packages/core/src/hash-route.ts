/**
 * The route a hash router keeps in the fragment: `#/cart?x=1` → `/cart?x=1`, and the
 * hashbang form `#!/cart` → `/cart`. Anything else (`#section`, `#access_token=…`, an empty
 * fragment) is no route: undefined.
 */
export function hashRoute(hash: string): string | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const route = fragment.startsWith('!') ? fragment.slice(1) : fragment;
  // `//host` would be read as another origin: a route has exactly one leading slash.
  return route.startsWith('/') && !route.startsWith('//') ? route : undefined;
}

/** Where the visitor is, as far as page views go: path and query, and a hash router's route. */
export interface Address {
  /** `location.pathname + location.search` */
  readonly _base: string;
  readonly _route: string | undefined;
}

/**
 * The address after a navigation to `base` and `fragment`. Without `hash` the fragment never
 * counts. With it, a route counts, and an anchor that is no route (`#reviews`) keeps the route
 * of `previous` on the same base: it scrolls within that route's page. Returns `previous`
 * itself when nothing changed, so a changed address is a new object.
 */
export function nextAddress(base: string, fragment: string, hash: boolean, previous?: Address): Address {
  const kept = previous?._base === base ? previous._route : undefined;
  const route = hash ? (hashRoute(fragment) ?? kept) : undefined;
  return previous && previous._base === base && previous._route === route
    ? previous
    : { _base: base, _route: route };
}
