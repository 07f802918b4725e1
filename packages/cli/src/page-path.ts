// The path of a page, from what a person types: `/checkout/done?order=123`, a full URL, or a
// path with a fragment. `explain --url` and every line of a pages or journey file go through
// this one function, as the browser takes `location.pathname`: the query and the fragment
// never take part in page globs.

/** A site-relative path or a URL → its path (`/checkout/done`); as written when it is neither. */
export function pagePath(urlOrPath: string): string {
  try {
    return new URL(urlOrPath, 'http://localhost').pathname;
  } catch {
    // Not a URL (`http://[::1`): judged as a path, as written.
    return urlOrPath;
  }
}
