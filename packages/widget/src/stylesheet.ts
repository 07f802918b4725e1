import { warnOnce } from './warn.js';

/**
 * Applies the widget's CSS to its shadow root. Constructable stylesheets are not inline
 * `<style>` elements, so a strict `style-src 'self'` policy allows them; where the browser has
 * none (Safari < 16.4), a `<style>` carrying the host's CSP nonce is the fallback.
 */
export function applyStyles(root: ShadowRoot, css: string, nonce: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    if (!nonce) {
      warnOnce('styles', 'no constructable stylesheets: using <style>; pass `nonce` under a strict CSP.');
    }
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.append(style);
}
