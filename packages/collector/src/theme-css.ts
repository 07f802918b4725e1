// The colours and base type the collector's pages share (/insights, its sign-in form and
// the /admin editor), defined once for light and dark. Each page's stylesheet starts with
// THEME_CSS and adds only its own colours (paletteCss) and rules; all are served
// same-origin, so the pages' `default-src 'self'` / `style-src 'self'` need nothing inline.

/** A colour as #rrggbb: the form the contrast test parses. */
export type Hex = `#${string}`;

/** Custom properties by name (without `--`), for the light and the dark scheme alike. */
export interface Palette {
  readonly light: Readonly<Record<string, Hex>>;
  readonly dark: Readonly<Record<string, Hex>>;
}

/**
 * The shared colours. Ratios (WCAG 2.x, tests/collector/theme-css.test.ts recomputes them),
 * light | dark; AA wants 4.5:1 for text and 3:1 for a control's edge or focus ring:
 * - text on bg 14.66 | 15.86, on surface 15.97 | 14.15
 * - muted on bg 6.00 | 8.46, on surface 6.54 | 7.55 (hints; the border of every input)
 * - accent on bg 5.63 | 10.05, on surface 6.14 | 8.97 (links); on-accent on accent 6.14 | 10.03
 * - focus on bg 5.42 | 8.58, on surface 5.91 | 7.65
 * - line on surface 1.48 | 1.62: separators between content only, never a control's edge.
 */
export const THEME: Palette = {
  light: {
    bg: '#f7f5f0',
    surface: '#ffffff',
    text: '#1d2321',
    muted: '#566059',
    line: '#d9d4c9',
    accent: '#2f6d4f',
    'on-accent': '#ffffff',
    focus: '#1b5fcc',
  },
  dark: {
    bg: '#141816',
    surface: '#1d2320',
    text: '#eef2ef',
    muted: '#a9b5af',
    line: '#3a4640',
    accent: '#7fd3a7',
    'on-accent': '#0d1a13',
    focus: '#8ab4ff',
  },
};

const properties = (colours: Palette['light'], indent: string) =>
  Object.entries(colours)
    .map(([name, value]) => `${indent}--${name}: ${value};\n`)
    .join('');

/** `palette` as custom properties on :root, the dark ones under prefers-color-scheme. */
export function paletteCss(palette: Palette): string {
  return `:root {
${properties(palette.light, '  ')}}

@media (prefers-color-scheme: dark) {
  :root {
${properties(palette.dark, '    ')}  }
}
`;
}

/** The shared colours and the rules every page wants from them. */
export const THEME_CSS = `:root {
  color-scheme: light dark;
  font-family:
    ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5;
}

${paletteCss(THEME)}
* {
  box-sizing: border-box;
}

body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
}

a {
  color: var(--accent);
}

:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 2px;
}
`;
