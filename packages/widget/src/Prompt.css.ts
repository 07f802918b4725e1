// `all:initial!important` on :host: an important declaration inside a shadow tree beats the
// page's important ones (CSS Cascade 4), so inherited text styles of the page stay out.
// Colours are in theme.css.ts; --tp-radius and --tp-font may be set by the host page.

/** The card: position (fixed, so page content never moves), size capped to the viewport, motion. */
export const promptCss = (): string =>
  `:host{all:initial!important}*{box-sizing:border-box}` +
  `.tp-card{--radius:var(--tp-radius,14px);--inner-radius:calc(var(--radius)*.55);` +
  `position:fixed;z-index:2147483000;bottom:1rem;right:1rem;width:min(100vw - 2rem,var(--card-width,25rem));` +
  // Never taller than the screen (a landscape phone is 320 px high): its body scrolls inside
  // while the card, and Close in its corner, stay put. dvh where known (a phone's toolbars).
  `display:flex;flex-direction:column;max-height:calc(100vh - 2rem);max-height:calc(100dvh - 2rem);` +
  `background:var(--surface);color:var(--text);font:15px/1.45 var(--tp-font,system-ui,sans-serif);` +
  // A long word (German compounds, URLs) breaks instead of running past the edge; hyphens
  // follow the card's lang, which is the language its texts were picked in.
  `overflow-wrap:anywhere;hyphens:auto;` +
  `border:1px solid var(--line);border-radius:var(--radius);box-shadow:0 16px 48px -8px #0004}` +
  `.tp-body{min-height:0;overflow:auto;overscroll-behavior:contain;padding:1.25rem}` +
  // Buttons and the text box share the option look; the send and close buttons change what differs.
  `button,textarea{font:inherit;color:inherit;border:1px solid var(--line);border-radius:var(--inner-radius);background:var(--surface)}` +
  `button{min-height:44px;font-weight:600;cursor:pointer}` +
  `.tp-nps{--card-width:37rem}.tp-bottom-left{right:auto;left:1rem}.tp-center{inset:0;margin:auto;height:fit-content}` +
  `.tp-inline{position:relative;inset:auto;z-index:auto;width:auto;max-width:37rem;max-height:none}` +
  // A bottom sheet on phones, with a narrower padding so NPS 0–10 keeps one row at 320 px.
  `@media(max-width:480px){.tp-card:not(.tp-inline){inset:auto 0 0;width:auto;max-height:calc(100vh - .5rem);` +
  `max-height:calc(100dvh - .5rem);border-radius:var(--radius) var(--radius) 0 0}.tp-body{padding:1rem .75rem}}` +
  `@media(prefers-reduced-motion:no-preference){.tp-card{animation:tp-enter .3s cubic-bezier(.2,.8,.2,1)}.tp-option{transition:.15s}}` +
  `@keyframes tp-enter{from{opacity:0;translate:0 1rem}}` +
  `.tp-heading{display:block;margin:0 0 1rem;margin-inline-end:2.5rem;font-size:1.07rem;font-weight:650}` +
  `.tp-close{position:absolute;top:.5rem;inset-inline-end:.5rem;width:44px;display:grid;place-items:center;` +
  `border:0;border-radius:50%;background:none;color:var(--muted)}` +
  `:focus-visible{outline:2px solid var(--accent);outline-offset:2px}` +
  `.tp-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}`;
