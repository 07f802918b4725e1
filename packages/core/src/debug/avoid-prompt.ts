import { placePanel } from './place-panel.js';

/** The properties the panel's placement sets on it; cleared, the stylesheet's place is back. */
const PLACED = ['top', 'bottom', 'left', 'width', 'max-height'];

/**
 * The prompt on screen, if any: the widget's `role="dialog"` card (SPEC "The prompt"), inside
 * the open shadow root of its `<touchpoint-widget>` element.
 */
const findPrompt = (): HTMLElement | null => {
  for (const host of document.querySelectorAll('touchpoint-widget')) {
    const dialog = host.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
    if (dialog) return dialog;
  }
  return null;
};

/**
 * Keeps the debug panel off the prompt: whenever `update()` is called (each render), the prompt
 * resizes (its follow-up, its thank-you), its entry animation ends or the window is resized,
 * the panel goes back to its own place and, if that covers the prompt, moves to where
 * `placePanel` says. Styles are set through the CSSOM, which a strict CSP allows. `top` is where
 * the free screen starts (below the preview banner).
 */
export function avoidPrompt(panel: HTMLElement, top: () => number): { update(): void; stop(): void } {
  let watched: HTMLElement | null = null;
  const place = () => {
    const prompt = findPrompt();
    if (prompt !== watched) {
      resized?.disconnect();
      if (prompt) resized?.observe(prompt);
      watched = prompt;
      // The card slides in: where it rests is known once its animations are over.
      if (prompt?.getAnimations)
        Promise.all(prompt.getAnimations().map((a) => a.finished)).then(place, place);
    }
    for (const property of PLACED) panel.style.removeProperty(property);
    if (!prompt) return;
    const placement = placePanel(
      panel.getBoundingClientRect(),
      Number.parseFloat(getComputedStyle(panel).maxHeight) || innerHeight,
      prompt.getBoundingClientRect(),
      { width: innerWidth, height: innerHeight, top: top() },
    );
    if (!placement) return;
    panel.style.setProperty('top', `${placement.top}px`);
    panel.style.setProperty('bottom', 'auto');
    panel.style.setProperty('left', `${placement.left}px`);
    panel.style.setProperty('width', `${placement.width}px`);
    panel.style.setProperty('max-height', `${placement.maxHeight}px`);
  };
  const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(place);
  addEventListener('resize', place);
  return {
    update: place,
    stop() {
      resized?.disconnect();
      removeEventListener('resize', place);
    },
  };
}
