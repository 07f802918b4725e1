/**
 * The route a hash router keeps in the fragment: `#/cart?x=1` → `/cart?x=1`, and the
 * hashbang form `#!/cart` → `/cart`. Anything else (`#section`, `#access_token=…`, an empty
 * fragment) is no route: undefined, and the page is the address without its fragment.
 */
export function hashRoute(hash: string): string | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const route = fragment.startsWith('!') ? fragment.slice(1) : fragment;
  // `//host` would be read as another origin: a route has exactly one leading slash.
  return route.startsWith('/') && !route.startsWith('//') ? route : undefined;
}
