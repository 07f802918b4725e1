import { DEBUG_TEXT } from './debug-text.js';
import { el } from './element.js';

/**
 * "Touchpoint preview — answers are not recorded" with an Exit button, as a named region so
 * assistive technology can find it; the draft's URL is in its title for whoever wonders which.
 */
export function previewBanner(draft: string, exit: () => void): HTMLElement {
  const button = el('button', { type: 'button' }, DEBUG_TEXT.exit);
  button.addEventListener('click', exit);
  return el(
    'div',
    { class: 'banner', role: 'region', 'aria-label': DEBUG_TEXT.banner, title: draft },
    el('strong', {}, DEBUG_TEXT.banner),
    button,
  );
}
