import type { PageContext } from './types.js';

/**
 * The page as events describe it. `url` never has the fragment (OAuth implicit flows put
 * tokens there) and goes through `redact`; `path` is taken from the redacted URL, so a
 * site's own redaction can also hide tokens in paths (`/reset/abc123`).
 */
export function readPage(redact: (url: string) => string, referrer: string): PageContext {
  const url = redact(location.href.split('#')[0] as string);
  const page: PageContext = { url, path: new URL(url, location.href).pathname };
  if (document.title) page.title = document.title;
  if (referrer) page.referrer = referrer;
  return page;
}
