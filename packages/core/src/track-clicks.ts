import type { Touchpoint } from './types.js';

/** Where a click listener can go: the document, or an element (a widget's own subtree). */
type ClickRoot = Pick<Document, 'addEventListener' | 'removeEventListener'>;

/**
 * No-code tagging: a click on (or inside) an element with `data-tp-track="add_to_cart"`
 * emits that track event, in the element's `data-tp-stage` when it has one. One delegated
 * listener on `root` (the document by default) serves elements added later too. Returns the
 * function that removes it. Without a document (server rendering) it does nothing.
 */
export function trackClicks(tp: Pick<Touchpoint, 'track'>, root?: ClickRoot): () => void {
  const target = root ?? (typeof document === 'undefined' ? undefined : document);
  if (!target) return () => {};
  const onClick = (event: Event) => {
    const tagged = (event.target as Element | null)?.closest?.('[data-tp-track]');
    if (!tagged) return;
    const stage = tagged.getAttribute('data-tp-stage');
    tp.track(tagged.getAttribute('data-tp-track') as string, stage ? { stage } : undefined);
  };
  // Capture: a page handler that stops propagation, or navigates, must not hide the click.
  target.addEventListener('click', onClick, true);
  return () => target.removeEventListener('click', onClick, true);
}
