// The page events describe, read again only after a navigation that changed the address
// (navigation.ts tells, synchronously, before the next event): track() neither reads nor
// compares the address on every call. A closure for a small thing: the last context, its
// address, and whether the context is still to be read for it.
import { type Address, nextAddress } from './hash-route.js';
import { watchNavigation } from './navigation.js';
import { readPage } from './page-context.js';
import { redactUrl } from './redact.js';
import type { PageContext } from './types.js';
import type { Warn } from './warn.js';

export interface PageTracker {
  /** The current page's context (the empty root without a DOM). */
  _current(): PageContext;
  /** The current address: a new object after each navigation that changed it. */
  _address(): Address;
}

/** `hash`: a hash router's route is the page (hash-route.ts). */
export function createPageTracker(redact: (url: string) => string, warn: Warn, hash = false): PageTracker {
  const dom = typeof document !== 'undefined';
  const read = (previous?: Address) =>
    dom
      ? nextAddress(location.pathname + location.search, location.hash, hash, previous)
      : { _base: '/', _route: undefined };
  let context: PageContext = { url: '', path: '/' };
  let address = read();
  let stale = dom;
  let first = true;
  // Registered before the automatic page views' watcher, so the address is current for it.
  if (dom)
    watchNavigation(() => {
      const next = read(address);
      if (next !== address) stale = true;
      address = next;
    });
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
        context = readPage(safeRedact, first ? safeRedact(document.referrer) : context.url, address._route);
        first = false;
      }
      return context;
    },
    _address: () => address,
  };
}
