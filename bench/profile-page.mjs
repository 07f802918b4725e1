// What the profile-*.mjs scripts share: the page and configuration of bench-peers'
// `touchpoint` subject, the built files served brotli-compressed as that bench serves them, and
// its test of a visible prompt.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const QUESTION = 'How likely are you to recommend us to a friend?';

/** bench-peers' configuration: one survey meant for another page, so only `show(id)` shows it. */
export const PEERS_CONFIG = {
  version: 1,
  stages: {},
  surveys: [
    {
      id: 'nps-1',
      metric: 'nps',
      question: QUESTION,
      when: { pages: ['/never'] },
      sample: 1,
      cooldownDays: 0,
    },
  ],
  limits: { maxPerSession: 10, minDaysBetweenSurveys: 0 },
};

/** bench-peers' script tag. */
export const TAG =
  '<script src="/dist/touchpoint.js" data-endpoint="/collect" data-config="/tp.json" async></script>';

/** bench-peers' page around `head`. */
export const pageHtml = (head) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>p</title>${head}</head><body><h1>Shop</h1><p>${'Lorem ipsum '.repeat(50)}</p></body></html>`;

export const brotli = (buffer) =>
  zlib.brotliCompressSync(buffer, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });

/** The JavaScript files of a dist/ folder, brotli-compressed, by file name. */
export function distFiles(dir) {
  const files = new Map();
  for (const file of readdirSync(dir))
    if (/\.js$/.test(file)) files.set(file, brotli(readFileSync(path.join(dir, file))));
  return files;
}

/**
 * Gives every page of `context` bench-peers' test of a visible prompt, as `window.__tpVisible()`:
 * a dialog with a height and rating options, in any shadow root.
 */
export const installVisible = (context) =>
  context.addInitScript(() => {
    window.__tpVisible = () => {
      for (const el of document.querySelectorAll('*')) {
        const root = el.shadowRoot;
        const dialog = root?.querySelector('[role="dialog"]');
        if (dialog && dialog.getBoundingClientRect().height > 0 && root.querySelector('[role="radio"]'))
          return true;
      }
      return false;
    };
  });

/**
 * In the page: calls `Touchpoint[method](arg)` (`['show', 'nps-1']`),
 * then polls on every animation frame until the prompt is visible; resolves with the ms it took,
 * the frames it polled and when it started (`performance.now()`). Meant for `page.evaluate(untilVisible, [...])`.
 */
export const untilVisible = async ([method, arg]) => {
  const t0 = performance.now();
  window.Touchpoint[method](arg);
  let frames = 0;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (window.__tpVisible()) return resolve({ ms: performance.now() - t0, frames, t0 });
      if (performance.now() - t0 > 8000) return reject(new Error('prompt not visible in 8 s'));
      frames++;
      requestAnimationFrame(tick);
    };
    tick();
  });
};

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[(sorted.length - 1) >> 1] : 0;
};
