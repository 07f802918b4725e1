import type { Touchpoint } from '@touchpoint/core';

/**
 * No-code tagging: a click on (or inside) an element with `data-tp-track="add_to_cart"`
 * emits that track event, in the element's `data-tp-stage` when it has one. One delegated
 * listener serves elements added later too. Returns the function that removes it.
 */
export function trackClicks(tp: Pick<Touchpoint, 'track'>, root: Document = document): () => void {
  const onClick = (event: Event) => {
    const tagged = (event.target as Element | null)?.closest?.('[data-tp-track]');
    if (!tagged) return;
    const stage = tagged.getAttribute('data-tp-stage');
    tp.track(tagged.getAttribute('data-tp-track') as string, stage ? { stage } : undefined);
  };
  // Capture: a page handler that stops propagation, or navigates, must not hide the click.
  root.addEventListener('click', onClick, true);
  return () => root.removeEventListener('click', onClick, true);
}
