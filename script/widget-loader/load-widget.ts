import { type DEBUG_GLOBAL, WIDGET_GLOBAL } from '../handshake';

/**
 * Loads the widget file (or, by `name`, the debug file) with a classic `<script src>`: allowed
 * by `script-src 'self'` when it sits beside touchpoint.js, and by a nonce-based policy through
 * the loader's own nonce. Resolves with the mount function the file leaves on `window[name]`;
 * rejects when the file fails or does not define it.
 */
export function loadWidget<K extends typeof WIDGET_GLOBAL | typeof DEBUG_GLOBAL = typeof WIDGET_GLOBAL>(
  url: string,
  nonce: string,
  name = WIDGET_GLOBAL as K,
): Promise<NonNullable<Window[K]>> {
  return new Promise((resolve, reject) => {
    const defined = () => window[name];
    // The page may already include the file (to skip the round trip when a prompt is likely).
    const ready = defined();
    if (ready) return resolve(ready);
    const script = document.createElement('script');
    script.src = url;
    if (nonce) script.nonce = nonce;
    script.onload = () => {
      const mount = defined();
      mount ? resolve(mount) : reject(new Error(`${url} did not define ${name}`));
    };
    script.onerror = () => reject(new Error(`${url} did not load`));
    (document.head ?? document.documentElement).append(script);
  });
}
