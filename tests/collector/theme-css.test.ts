// The collector's pages share one colour theme; these tests compute its contrast ratios
// (WCAG 2.x relative luminance) from the very values the module serves, so an edit that
// drops a pair below AA fails here rather than in a reader's eyes.
import { describe, expect, it } from 'vitest';
import { ADMIN_COLOURS, ADMIN_CSS } from '../../packages/collector/src/admin/admin-css.js';
import { INSIGHTS_COLOURS } from '../../packages/collector/src/insights/css/colours.js';
import { INSIGHTS_CSS } from '../../packages/collector/src/insights/insights-css.js';
import { type Palette, THEME, THEME_CSS } from '../../packages/collector/src/theme-css.js';
import { contrast, type Rgb } from '../../packages/widget/src/contrast.js';

const rgb = (value: string): Rgb => {
  expect(value).toMatch(/^#[0-9a-f]{6}$/i);
  return [1, 3, 5].map((i) => Number.parseInt(value.slice(i, i + 2), 16)) as never;
};

/** WCAG AA: 4.5:1 for text, 3:1 for what identifies a control or its focus (1.4.11). */
const TEXT = 4.5;
const UI = 3;

const PALETTES: Record<string, Palette> = { theme: THEME, admin: ADMIN_COLOURS, insights: INSIGHTS_COLOURS };

// [palette, foreground, background, least ratio]: what each page puts on what.
const PAIRS: [string, string, string, number][] = [
  ['theme', 'text', 'bg', TEXT],
  ['theme', 'text', 'surface', TEXT],
  ['theme', 'muted', 'bg', TEXT], // hints, axis labels; also the border of every input
  ['theme', 'muted', 'surface', TEXT],
  ['theme', 'accent', 'bg', TEXT], // links
  ['theme', 'accent', 'surface', TEXT],
  ['theme', 'on-accent', 'accent', TEXT], // a filled button's label
  ['theme', 'focus', 'bg', UI],
  ['theme', 'focus', 'surface', UI],
  ['admin', 'error', 'bg', TEXT],
  ['admin', 'error', 'surface', TEXT],
  ['admin', 'surface', 'error', TEXT], // the danger button's label
  ['admin', 'warning', 'bg', TEXT],
  ['admin', 'warning', 'surface', TEXT],
  ['insights', 'low', 'surface', TEXT], // worse/better figures in tables
  ['insights', 'high', 'surface', TEXT],
  ['insights', 'bg', 'low', TEXT], // the score chips of comments
  ['insights', 'on-mid', 'mid', TEXT],
  ['insights', 'bg', 'high', TEXT],
  ['insights', 'bg', 'muted', TEXT],
];

/** A colour by name: the page's own first, then the shared theme's. */
const colour = (palette: string, scheme: 'light' | 'dark', name: string) => {
  const value = PALETTES[palette]?.[scheme][name] ?? THEME[scheme][name];
  expect(value, `--${name} in ${scheme}`).toBeDefined();
  return rgb(value as string);
};

describe('the collector theme', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each(PAIRS)(`${scheme}: %s --%s on --%s reaches %s:1`, (palette, fore, back, least) => {
      const ratio = contrast(colour(palette, scheme, fore), colour(palette, scheme, back));
      expect(ratio, `${fore} on ${back}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(least);
    });
  }

  it.each(Object.entries(PALETTES))(
    '%s names the same colours light and dark, each a #rrggbb',
    (_, palette) => {
      expect(Object.keys(palette.dark).sort()).toEqual(Object.keys(palette.light).sort());
      for (const value of [...Object.values(palette.light), ...Object.values(palette.dark)]) rgb(value);
    },
  );

  it.each([
    ['admin', ADMIN_CSS],
    ['insights', INSIGHTS_CSS],
  ])('the %s stylesheet carries the theme once and defines none of its colours again', (_, css) => {
    expect(css).toContain(THEME_CSS);
    for (const name of Object.keys(THEME.light)) {
      expect(css.split(`--${name}:`).length - 1, `--${name}`).toBe(2); // light, and dark
    }
  });

  it.each([
    ['admin', ADMIN_CSS],
    ['insights', INSIGHTS_CSS],
  ])('no control on the %s page is outlined only by the faint --line', (_, css) => {
    // --line separates content (cards, table rows) and may stay faint; a control's edge may not.
    for (const [, selector, body] of css.matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
      if (!/\b(input|select|textarea|button)\b/.test(selector as string)) continue;
      expect(body, (selector as string).trim()).not.toMatch(/border[^;]*var\(--line\)/);
    }
  });
});
