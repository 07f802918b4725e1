// Colours, as custom properties every component reads. The host page may set, and they
// inherit into the shadow root: --tp-accent (the site's brand colour), --tp-accent-text,
// --tp-bg, --tp-text; the `accent` option of mountWidget wins over --tp-accent.
// Defaults meet WCAG AA (text ≥ 4.5:1, borders and focus rings ≥ 3:1) in both themes:
// light #111827/#fff 17.7:1, #4b5563/#fff 7.6:1, #4338ca/#fff 7.9:1, border #878f9c 3.3:1;
// dark #f3f4f6 on the surface ≥ 12:1, #d1d5db ≥ 9:1, border #7b8494 ≥ 3.6:1.
// Text on the accent is white or black, whichever contrasts more with the accent the page
// ends up with (Prompt.tsx measures it): at least 4.58:1 for any accent.

/** Dark colours, derived from the brand colour: a lighter accent and a surface tinted by it. */
const dark =
  '--accent:#a5b4fc;--surface:var(--tp-bg,#1f2937);--text:var(--tp-text,#f3f4f6);--muted:#d1d5db;--line:#7b8494;';
// color-mix() is in every browser since 2023; older ones keep the fixed colours above.
const darkMix =
  '--accent:color-mix(in oklab,var(--brand) 50%,#fff);--surface:var(--tp-bg,color-mix(in oklab,var(--brand) 10%,#18191d));';

/** The card's colours; `accent` is the checked `accent` option, or '' (checkAccent). */
export const themeCss = (accent: string): string =>
  `.tp-card{--brand:${accent || 'var(--tp-accent,#4338ca)'};--accent:var(--brand);` +
  `--on-accent:var(--tp-accent-text,#fff);--surface:var(--tp-bg,#fff);--text:var(--tp-text,#111827);` +
  `--muted:#4b5563;--line:#878f9c}` +
  `.tp-dark{${dark}}@media(prefers-color-scheme:dark){.tp-auto{${dark}}}` +
  `@supports(color:color-mix(in oklab,red,red)){.tp-dark{${darkMix}}@media(prefers-color-scheme:dark){.tp-auto{${darkMix}}}}` +
  `.tp-card[data-on-accent=black]{--on-accent:var(--tp-accent-text,#000)}`;
