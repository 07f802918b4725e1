// The page events describe, read again only when the address changed: track() on the
// same page reuses it. A closure for a small thing: the last context and its address.
import { readPage } from './page-context.js';
import { redactUrl } from './redact.js';
import type { PageContext } from './types.js';
import type { Warn } from './warn.js';

export interface PageTracker {
  /** The current page's context (the empty root without a DOM). */
  _current(): PageContext;
}

export function createPageTracker(redact: (url: string) => string, warn: Warn): PageTracker {
  const dom = typeof document !== 'undefined';
  let context: PageContext = { url: '', path: '/' };
  let href: string | undefined;
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
      if (dom && location.href !== href) {
        // The first page's referrer is the document's; after an SPA navigation, the page before.
        const referrer = href === undefined ? safeRedact(document.referrer) : context.url;
        href = location.href;
        context = readPage(safeRedact, referrer);
      }
      return context;
    },
  };
}
