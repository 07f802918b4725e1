import { type MountWidget, WIDGET_GLOBAL } from './handshake';

/**
 * Loads the widget file with a classic `<script src>`: allowed by `script-src 'self'` when it
 * sits beside touchpoint.js, and by a nonce-based policy through the loader's own nonce.
 * Resolves with its mount function; rejects when the file fails or does not define it.
 */
export function loadWidget(url: string, nonce: string): Promise<MountWidget> {
  return new Promise((resolve, reject) => {
    const defined = () => window[WIDGET_GLOBAL];
    // The page may already include the file (to skip the round trip when a prompt is likely).
    const ready = defined();
    if (ready) return resolve(ready);
    const script = document.createElement('script');
    script.src = url;
    if (nonce) script.nonce = nonce;
    script.onload = () => {
      const mount = defined();
      mount ? resolve(mount) : reject(new Error(`${url} did not define the widget`));
    };
    script.onerror = () => reject(new Error(`${url} did not load`));
    (document.head ?? document.documentElement).append(script);
  });
}
