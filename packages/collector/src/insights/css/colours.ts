// The insights page's own colours: the score bands its charts, chips and tables are drawn
// in. The rest (surfaces, text, accent) is the collector's shared theme (theme-css.ts).
import { type Palette, paletteCss } from '../../theme-css.js';

/**
 * Ratios (WCAG 2.x, tests/collector/theme-css.test.ts recomputes them), light | dark:
 * - low on surface 5.20 | 6.62, high on surface 5.02 | 7.85 (worse and better figures)
 * - bg on the chips: on low 4.77 | 7.41, on high 4.60 | 8.80, on muted 6.00 | 8.46;
 *   on-mid on mid 6.18 | 10.49 (light text on the light gold read 2.37:1).
 */
export const INSIGHTS_COLOURS: Palette = {
  light: {
    low: '#c0412f',
    mid: '#c99a1c',
    'on-mid': '#1d2321',
    high: '#2f7d55',
    empty: '#e3dfd6',
  },
  dark: {
    low: '#f08b7c',
    mid: '#e8c25a',
    'on-mid': '#141816',
    high: '#6fc79a',
    empty: '#2e3733',
  },
};

export const COLOURS_CSS = paletteCss(INSIGHTS_COLOURS);
