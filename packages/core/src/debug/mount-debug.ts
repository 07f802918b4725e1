import { exitPreview as leavePreview } from '../preview.js';
import { applyStyles } from './apply-styles.js';
import { avoidPrompt } from './avoid-prompt.js';
import type { MountDebug } from './debug-options.js';
import { overlayContent } from './debug-overlay.js';
import { DEBUG_CSS } from './debug-styles.js';
import { DEBUG_TEXT } from './debug-text.js';
import { el } from './element.js';
import { forecast } from './forecast.js';
import { GAP } from './place-panel.js';
import { previewBanner } from './preview-banner.js';

/**
 * The preview banner (while `tp.preview`) and, with `overlay`, the debug overlay, in one open
 * shadow root at the end of <body>. The overlay is refreshed from `tp.explain()` on every
 * journey event, survey signal, configuration and navigation, and when a delay it foretold ends, at most
 * once per task; what it says will show comes from `forecast`. Its close button and
 * Escape remove it. Without a document (server rendering) it does nothing.
 */
export const mountDebug: MountDebug = (
  tp,
  { exitPreview = leavePreview, nonce = '', overlay = true } = {},
) => {
  if (typeof document === 'undefined') return { destroy() {} };
  const host = el('div', { 'data-touchpoint-debug': '' });
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root, DEBUG_CSS, nonce);
  let banner: HTMLElement | undefined;
  let panel: HTMLElement | undefined;
  let body: HTMLElement | undefined;
  let avoid: ReturnType<typeof avoidPrompt> | undefined;
  let queued = false;
  let delayEnds: ReturnType<typeof setTimeout> | undefined;
  const closed = new Set<string>();

  const close = () => {
    avoid?.stop();
    panel?.remove();
    panel = body = avoid = undefined;
  };
  if (overlay) {
    const button = el('button', { type: 'button', 'aria-label': DEBUG_TEXT.close }, '×');
    button.addEventListener('click', close);
    body = el('div');
    panel = el(
      'section',
      { class: 'panel', role: 'region', 'aria-label': DEBUG_TEXT.title },
      el('header', {}, el('h2', {}, DEBUG_TEXT.title), button),
      body,
    );
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close();
    });
    root.append(panel);
    // The free screen starts below the preview banner, when there is one.
    avoid = avoidPrompt(panel, () => (banner ? banner.getBoundingClientRect().bottom + GAP : GAP));
  }

  const render = () => {
    queued = false;
    if (tp.preview && !banner) {
      banner = previewBanner(tp.preview, exitPreview);
      root.prepend(banner);
    }
    // A draft refused once its origin was checked: preview is off after all.
    if (!tp.preview && banner) {
      banner.remove();
      banner = undefined;
    }
    if (!body) return;
    // Keep the person's place: the survey whose summary had focus gets it back.
    const focused = (root.activeElement?.closest('[data-id]') as HTMLElement | null)?.dataset.id;
    const list = tp.explain();
    const forecasts = forecast(list, (name, stage) => tp.explain({ name, stage }));
    body.replaceChildren(
      ...overlayContent(list, forecasts, Date.now(), {
        path: location.pathname,
        // Read, not only heard: the configuration may have been applied before this file loaded.
        hash: tp.configHash,
        preview: tp.preview,
        closed,
      }),
    );
    // A delay ends without an event when its survey no longer qualifies: look again then.
    clearTimeout(delayEnds);
    const waits = forecasts.flatMap((f) => (f.when === 'delay' ? [f.ms] : []));
    if (waits.length) delayEnds = setTimeout(refresh, Math.min(...waits) + 50);
    // Its new content may be taller, and a prompt may have come or gone.
    avoid?.update();
    if (focused)
      (body.querySelector(`[data-id="${CSS.escape(focused)}"] summary`) as HTMLElement | null)?.focus();
  };
  const refresh = () => {
    if (!queued) queueMicrotask(render);
    queued = true;
  };

  const offs = [
    tp.on('*', refresh),
    tp.on('survey_due', refresh),
    tp.on('consent', refresh),
    // Survey events do not reach '*' in preview; the overlay still follows the prompt.
    tp.on('survey_shown', refresh),
    tp.on('survey_answered', refresh),
    tp.on('survey_dismissed', refresh),
    tp.on('config', refresh),
    // An SPA route without an event yet (no automatic page views, or consent pending): the
    // core's own navigation watch, so history is patched once.
    tp.on('navigate', refresh),
  ];
  document.body.append(host);
  render();
  return {
    destroy() {
      clearTimeout(delayEnds);
      avoid?.stop();
      for (const off of offs) off();
      host.remove();
    },
  };
};
