// The insights page's stylesheet, served same-origin at <insights>/insights.css (the page
// runs under `default-src 'self'`: no inline style). A module rather than a file, so the
// compiled package carries it without a copy step. Charts are SVG coloured by classes, so
// the custom properties switch every chart between light and dark.
import { THEME_CSS } from '../theme-css.js';
import { CHARTS_CSS } from './css/charts.js';
import { COLOURS_CSS } from './css/colours.js';
import { COMMENTS_CSS } from './css/comments.js';
import { LAYOUT_CSS } from './css/layout.js';
import { TABLES_CSS } from './css/tables.js';

/** The whole stylesheet: the shared theme, then one file per part of the page. */
export const INSIGHTS_CSS = [THEME_CSS, COLOURS_CSS, LAYOUT_CSS, CHARTS_CSS, TABLES_CSS, COMMENTS_CSS].join(
  '\n',
);
