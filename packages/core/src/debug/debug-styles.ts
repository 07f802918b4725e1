/**
 * The banner's and overlay's CSS, inside their shadow root: page CSS cannot reach it, and
 * `all: initial` keeps inherited page styles out. Fixed and on top, so page content never
 * moves, and away from the prompt: the widget's card is bottom right by default, and a bottom
 * sheet on phones, so the panel is bottom left where both fit side by side (the widest card is
 * 37rem), and below 1,100 px at the top, under the banner, a third of the height and scrolling
 * inside, so the prompt stays whole and usable. Where a prompt placed elsewhere (`position`
 * bottom-left or center) would meet it, avoid-prompt.ts moves it, and it stacks just under the
 * prompt's card (z-index 2147483000), so it never covers it even then. System colours follow
 * dark mode; no motion at all.
 */
export const DEBUG_CSS = `
:host { all: initial !important; }
* { box-sizing: border-box; font: 13px/1.4 system-ui, sans-serif; }
.banner, .panel { position: fixed; z-index: 2147483646; color: CanvasText; background: Canvas;
  border: 1px solid GrayText; box-shadow: 0 2px 12px rgb(0 0 0 / .25); }
.panel { z-index: 2147482999; }
.banner { top: 8px; left: 50%; transform: translateX(-50%); display: flex; gap: 12px; align-items: center;
  padding: 6px 8px 6px 14px; border-radius: 999px; border-color: #b45309; max-width: calc(100vw - 16px); }
.banner strong { font-weight: 600; }
.panel { bottom: 8px; left: 8px; width: min(460px, calc(100vw - 16px)); max-height: 60vh; overflow: auto;
  border-radius: 8px; padding: 10px 12px; }
header { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
h2 { margin: 0; font-weight: 600; font-size: 14px; }
p { margin: 4px 0; }
.meta { color: GrayText; }
.next { font-weight: 600; }
button { cursor: pointer; border: 1px solid GrayText; border-radius: 6px; padding: 3px 10px; white-space: nowrap;
  background: ButtonFace; color: ButtonText; }
button:focus-visible, summary:focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
details { border-top: 1px solid GrayText; padding: 4px 0; }
summary { cursor: pointer; font-weight: 600; }
ul { margin: 4px 0 0; padding: 0 0 0 4px; list-style: none; }
li { display: flex; gap: 6px; }
.ok { color: #15803d; } .no { color: #b91c1c; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (max-width: 1099px) {
  .panel { top: 8px; bottom: auto; max-height: 33vh; max-height: 33dvh; }
  .banner ~ .panel { top: 52px; }
}
@media (prefers-color-scheme: dark) { .ok { color: #4ade80; } .no { color: #f87171; } }
`;
