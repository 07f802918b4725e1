// The insights page's stylesheet, served same-origin at <insights>/insights.css (the page
// runs under `default-src 'self'`: no inline style). A module rather than a file, so the
// compiled package carries it without a copy step.
import { CHARTS_CSS } from './css/charts.js';
import { COMMENTS_CSS } from './css/comments.js';
import { LAYOUT_CSS } from './css/layout.js';
import { TABLES_CSS } from './css/tables.js';
import { THEME_CSS } from './css/theme.js';

/** The whole stylesheet, one file per part of the page. */
export const INSIGHTS_CSS = [THEME_CSS, LAYOUT_CSS, CHARTS_CSS, TABLES_CSS, COMMENTS_CSS].join('\n');
