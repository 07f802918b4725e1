/**
 * Applies CSS to a shadow root as the widget does (packages/widget/src/stylesheet.ts, which the
 * widget package does not export, so it is mirrored here rather than imported across packages):
 * a constructable stylesheet, which `style-src 'self'` allows, else a `<style>` carrying the
 * tag's CSP nonce (Safari < 16.4).
 */
export function applyStyles(root: ShadowRoot, css: string, nonce: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {}
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.append(style);
}
