import type { PageContext } from './types.js';

/**
 * The page as events describe it. `url` never has the fragment (OAuth implicit flows put
 * tokens there) and goes through `redact`; `path` is taken from the redacted URL, so a
 * site's own redaction can also hide tokens in paths (`/reset/abc123`).
 *
 * `route`: a hash router's route (hash-route.ts) is the page: `path` is the route's, redacted
 * the same way, and `url` ends with `#` and the redacted route.
 */
export function readPage(redact: (url: string) => string, referrer: string, route?: string): PageContext {
  let url = redact(location.href.split('#')[0] as string);
  let path = new URL(url, location.href).pathname;
  if (route !== undefined) {
    const routed = new URL(redact(new URL(route, location.origin).href), location.origin);
    path = routed.pathname;
    url += `#${path}${routed.search}`;
  }
  const page: PageContext = { url, path };
  if (document.title) page.title = document.title;
  if (referrer) page.referrer = referrer;
  return page;
}
