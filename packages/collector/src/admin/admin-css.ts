// The editor's stylesheet, served same-origin at <admin>/admin.css (pages run under
// `default-src 'none'; style-src 'self'`: no inline style). The shared theme, then the
// editor's own colours and rules; one column below 40rem, so the form works at 390 px wide.
import { type Palette, paletteCss, THEME_CSS } from '../theme-css.js';

/**
 * The editor's own colours. Ratios (WCAG 2.x, tests/collector/theme-css.test.ts recomputes
 * them), light | dark: error on bg 6.00 | 8.88, on surface 6.54 | 7.92, surface on error
 * (the danger button) 6.54 | 7.92; warning on bg 6.16 | 11.12, on surface 6.72 | 9.92.
 */
export const ADMIN_COLOURS: Palette = {
  light: { error: '#b3261e', warning: '#7a5500' },
  dark: { error: '#ff9c8f', warning: '#f0c75e' },
};

export const ADMIN_CSS = `${THEME_CSS}
${paletteCss(ADMIN_COLOURS)}
header { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: baseline; padding: 0.75rem 1rem; border-bottom: 1px solid var(--line); background: var(--surface); }
header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; list-style: none; }
header nav a[aria-current="page"] { font-weight: 700; }
.brand { font-weight: 700; margin: 0; font-size: 1.1rem; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
section, fieldset { background: var(--surface); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 0 0 1rem; }
fieldset { min-width: 0; }
legend { font-weight: 700; padding: 0 0.25rem; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
.field { display: grid; gap: 0.25rem; margin: 0 0 0.9rem; align-content: start; }
.field label { font-weight: 600; }
.hint { color: var(--muted); font-size: 0.9rem; margin: 0; }
input, select, textarea, button { font: inherit; color: inherit; }
input, select, textarea { width: 100%; padding: 0.45rem 0.55rem; border: 1px solid var(--muted); border-radius: 6px; background: var(--bg); }
textarea { min-height: 4.5rem; resize: vertical; }
[aria-invalid="true"] { border-color: var(--error); border-width: 2px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0 1rem; align-items: start; }
.problems { margin: 0; padding-left: 1.1rem; }
.error { color: var(--error); }
.warning { color: var(--warning); }
.notice { border-left: 4px solid var(--accent); padding: 0.5rem 0.75rem; background: var(--surface); margin: 0 0 1rem; }
.notice.alert { border-left-color: var(--error); }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 1rem 0; }
button, .button { display: inline-block; padding: 0.5rem 0.9rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: var(--on-accent); cursor: pointer; text-decoration: none; font-weight: 600; }
button.secondary, .button.secondary { background: transparent; color: var(--accent); }
button.danger { background: var(--error); border-color: var(--error); color: var(--surface); }
.inline { display: inline; }
details.languages { margin: -0.5rem 0 1rem; }
details.languages summary { cursor: pointer; color: var(--accent); }
/* Pause and Resume are POSTs, so buttons, shown as the links beside them. */
button.link { background: none; border: none; padding: 0; color: var(--accent); text-decoration: underline; font: inherit; }
.matches { margin: 0.25rem 0 0; padding-left: 1.1rem; }
.status { font-size: 0.85rem; padding: 0.05rem 0.45rem; border-radius: 999px; border: 1px solid var(--line); white-space: nowrap; }
ins { background: color-mix(in srgb, var(--accent) 18%, transparent); text-decoration: none; }
del { background: color-mix(in srgb, var(--error) 18%, transparent); }
code, pre { font-size: 0.9em; overflow-wrap: break-word; white-space: pre-wrap; }
@media (max-width: 40rem) {
  main { padding: 0.5rem; }
  /* Narrow: long paths and hashes may break anywhere rather than widen the page. */
  th, td { padding: 0.35rem 0.25rem; overflow-wrap: anywhere; }
  code, pre { overflow-wrap: anywhere; }
  .wide-only { display: none; }
}
`;
