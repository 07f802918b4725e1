// `all:initial!important` on :host: an important declaration inside a shadow tree beats the
// page's important ones (CSS Cascade 4), so inherited text styles of the page stay out.
// Custom properties the host page may set (they inherit into the shadow root):
// --tp-accent, --tp-accent-text, --tp-bg, --tp-text, --tp-radius, --tp-font.
// Defaults meet WCAG AA (text ≥ 4.5:1, borders and focus rings ≥ 3:1) in both themes:
// light #111827/#fff 17.7:1, #4b5563/#fff 7.6:1, #4338ca/#fff 7.9:1, border #878f9c 3.3:1;
// dark #f3f4f6/#1f2937 13.3:1, #d1d5db 10:1, #a5b4fc 7.4:1, #111827 on #a5b4fc 8.9:1, border 3.9:1.
// Every byte here ships to every visitor: short internal names (--a accent, --o text on
// accent, --b background, --t text, --m muted text, --l borders, --r inner radius).
const dark =
  '--a:var(--tp-accent,#a5b4fc);--o:var(--tp-accent-text,#111827);--b:var(--tp-bg,#1f2937);--t:var(--tp-text,#f3f4f6);--m:#d1d5db;--l:#7b8494';

/** The card: theme, position (fixed, so page content never moves), bottom sheet, motion. */
export const promptCss = (): string =>
  `:host{all:initial!important}` +
  `.p{--a:var(--tp-accent,#4338ca);--o:var(--tp-accent-text,#fff);--b:var(--tp-bg,#fff);--t:var(--tp-text,#111827);--m:#4b5563;--l:#878f9c;` +
  `--R:var(--tp-radius,14px);--r:calc(var(--R)*.55);position:fixed;z-index:2147483000;bottom:1rem;right:1rem;width:min(100vw - 2rem,var(--w,25rem));` +
  `padding:1.25rem;background:var(--b);color:var(--t);font:15px/1.45 var(--tp-font,system-ui,sans-serif);` +
  `border:1px solid var(--l);border-radius:var(--R);box-shadow:0 16px 48px -8px #0004}` +
  // Buttons and the text box share the option look; the send and close buttons change what differs.
  `*{box-sizing:border-box}button,textarea{font:inherit;color:inherit;border:1px solid var(--l);border-radius:var(--r);background:var(--b)}` +
  `button{height:44px;font-weight:600;cursor:pointer}` +
  `.nps{--w:37rem}.bl{right:auto;left:1rem}.c{inset:0;margin:auto;height:fit-content}` +
  `.i{position:relative;inset:auto;z-index:auto;width:auto;max-width:37rem}` +
  `.dark{${dark}}@media(prefers-color-scheme:dark){.auto{${dark}}}` +
  `@media(max-width:480px){.p:not(.i){inset:auto 0 0;width:auto;border-radius:var(--R) var(--R) 0 0}}` +
  `@media(prefers-reduced-motion:no-preference){.p{animation:i .3s cubic-bezier(.2,.8,.2,1)}.o{transition:.15s}}` +
  `@keyframes i{from{opacity:0;translate:0 1rem}}` +
  `.q{display:block;margin:0 0 1rem;margin-inline-end:2.5rem;font-size:1.07rem;font-weight:650}` +
  `.x{position:absolute;top:.5rem;inset-inline-end:.5rem;width:44px;display:grid;place-items:center;` +
  `border:0;border-radius:50%;background:none;color:var(--m)}` +
  `:focus-visible{outline:2px solid var(--a);outline-offset:2px}` +
  `.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}` +
  `.t{display:flex;align-items:center;gap:.75rem;margin:0;color:var(--a)}.t span{color:var(--t)}`;
