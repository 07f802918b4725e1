import type { Touchpoint } from '@touchpoint/core';
import { logExplanations } from '@touchpoint/core/rules';

/**
 * `?tp_debug=1`: the console table of every survey on the page and why it fails. In the npm
 * package the core prints it; in the script tag it lives here, in the file loaded only with
 * `?tp_debug=1` (rollup.config.mjs leaves it out of dist/touchpoint.js), so no other page
 * downloads it. Printed when this file starts (the first page view happened while it loaded),
 * then on every page view and every configuration applied, as the core does.
 */
export function logOnPageViews(tp: Pick<Touchpoint, 'on' | 'explain'>): () => void {
  const log = (path = location.pathname) => logExplanations(path, tp.explain());
  log();
  const offs = [tp.on('page', (event) => log(event.page.path)), tp.on('config', () => log())];
  return () => {
    for (const off of offs) off();
  };
}
