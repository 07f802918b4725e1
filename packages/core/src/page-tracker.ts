// The page events describe, read again only after a navigation (navigation.ts tells, before
// the next event): track() does not read or compare the address on every call. A closure for
// a small thing: the last context and whether the address may have changed since.
import { watchNavigation } from './navigation.js';
import { readPage } from './page-context.js';
import { redactUrl } from './redact.js';
import type { PageContext } from './types.js';
import type { Warn } from './warn.js';

export interface PageTracker {
  /** The current page's context (the empty root without a DOM). */
  _current(): PageContext;
}

/** `hash`: a hash router's route is the page (page-context.ts). */
export function createPageTracker(redact: (url: string) => string, warn: Warn, hash = false): PageTracker {
  const dom = typeof document !== 'undefined';
  let context: PageContext = { url: '', path: '/' };
  let first = true;
  let stale = dom;
  if (dom) watchNavigation(() => (stale = true));
  // A redaction that throws or returns no string falls back to the default, with a warning.
  const safeRedact = (url: string): string => {
    try {
      const result = redact(url);
      if (typeof result === 'string') return result;
    } catch {}
    warn('options.redact: invalid; default redaction used');
    return redactUrl(url);
  };
  return {
    _current() {
      if (stale) {
        stale = false;
        // The first page's referrer is the document's; after an SPA navigation, the page before.
        const referrer = first ? safeRedact(document.referrer) : context.url;
        first = false;
        const next = readPage(safeRedact, referrer, hash);
        // replaceState with the same address (routers do it for scroll state) is no new page.
        if (next.url !== context.url) context = next;
      }
      return context;
    },
  };
}
