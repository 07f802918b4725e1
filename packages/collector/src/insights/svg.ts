// The page's charts, drawn as SVG strings: horizontal bars, a band split, and a daily
// line. Colours come from classes styled by insights.css (custom properties switch with
// prefers-color-scheme); SVG presentation attributes are allowed under the CSP, inline
// styles are not. Every label goes through escapeHtml: stage names and paths come from
// browsers.
import { escapeHtml } from './escape.js';

/** Geometry shared by the bar charts. The width suits a phone at 1:1; CSS caps it on desktops. */
export const BAR_CHART = { width: 360, labelWidth: 96, valueWidth: 80, rowHeight: 26, barHeight: 16 };

export const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
export const open = (width: number, height: number, title: string, extra = '') =>
  `<svg class="chart${extra}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}">` +
  `<title>${escapeHtml(title)}</title>`;

/**
 * Horizontal bars, one row per item, from `min` to `max` (a `min` below zero draws a
 * zero line, for NPS). A null value draws no bar and says "no data".
 */
export function barChart({
  title,
  rows,
  min = 0,
  max,
}: {
  title: string;
  rows: Array<{ label: string; value: number | null; text?: string; tone?: string }>;
  min?: number;
  max: number;
}): string {
  const { width, labelWidth, valueWidth, rowHeight, barHeight } = BAR_CHART;
  const height = Math.max(1, rows.length) * rowHeight + 4;
  const span = width - labelWidth - valueWidth;
  const x = (v: number) => labelWidth + ((Math.min(Math.max(v, min), max) - min) / (max - min || 1)) * span;
  const zero = x(Math.max(min, 0));
  let out = open(width, height, title);
  rows.forEach((row, i) => {
    const y = i * rowHeight + 2;
    const mid = y + rowHeight / 2;
    out += `<text class="label" x="${labelWidth - 6}" y="${mid}" text-anchor="end" dominant-baseline="middle">${escapeHtml(row.label)}</text>`;
    if (row.value === null || row.value === undefined) {
      out += `<text class="muted" x="${labelWidth + 4}" y="${mid}" dominant-baseline="middle">no data</text>`;
      return;
    }
    const end = x(row.value);
    const left = Math.min(zero, end);
    const w = Math.max(Math.abs(end - zero), 1);
    out += `<rect class="bar ${escapeHtml(row.tone ?? '')}" x="${left.toFixed(1)}" y="${y + (rowHeight - barHeight) / 2}" width="${w.toFixed(1)}" height="${barHeight}" rx="3"><title>${escapeHtml(`${row.label}: ${row.text ?? fmt(row.value)}`)}</title></rect>`;
    out += `<text class="value" x="${width - valueWidth + 6}" y="${mid}" dominant-baseline="middle">${escapeHtml(row.text ?? fmt(row.value))}</text>`;
  });
  if (min < 0) out += `<line class="axis" x1="${zero}" x2="${zero}" y1="0" y2="${height}"/>`;
  return `${out}</svg>`;
}

/**
 * One bar split into the low / mid / high bands (detractors, passives, promoters),
 * each segment as wide as its share.
 */
export function bandSplit({
  title,
  low,
  mid,
  high,
}: {
  title: string;
  low: number;
  mid: number;
  high: number;
}): string {
  const width = 300;
  const height = 14;
  const total = low + mid + high;
  let out = open(width, height, title, ' split');
  if (total === 0)
    return `${out}<rect class="empty" x="0" y="0" width="${width}" height="${height}" rx="3"/></svg>`;
  let at = 0;
  for (const [band, n] of [
    ['low', low],
    ['mid', mid],
    ['high', high],
  ] as const) {
    const w = (n / total) * width;
    if (w > 0)
      out += `<rect class="bar ${band}" x="${at.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="${height}"/>`;
    at += w;
  }
  return `${out}</svg>`;
}

/** A day's value and its answer count; null is "no data". */
export interface DayPoint {
  value: number | null;
  n: number;
}

/**
 * Days on a line chart: a dot per day that has answers (`points`) and a line through the
 * `trend` values, broken over days without one (no answers is not a score of zero).
 * Days are `YYYY-MM-DD` strings in order.
 */
export function lineChart({
  title,
  days,
  points,
  trend = points,
  min,
  max,
  unit = '',
}: {
  title: string;
  days: string[];
  points: Record<string, DayPoint>;
  trend?: Record<string, DayPoint>;
  min: number;
  max: number;
  unit?: string;
}): string {
  const width = 360;
  const height = 150;
  const pad = { left: 34, right: 8, top: 10, bottom: 22 };
  const w = width - pad.left - pad.right;
  const h = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (days.length > 1 ? (i / (days.length - 1)) * w : w / 2);
  const y = (v: number) => pad.top + (1 - (v - min) / (max - min || 1)) * h;
  let out = open(width, height, title, ' line');
  for (const tick of [min, (min + max) / 2, max]) {
    out += `<line class="grid" x1="${pad.left}" x2="${width - pad.right}" y1="${y(tick)}" y2="${y(tick)}"/>`;
    out += `<text class="tick" x="${pad.left - 4}" y="${y(tick)}" text-anchor="end" dominant-baseline="middle">${fmt(tick)}</text>`;
  }
  if (min < 0 && max > 0) {
    out += `<line class="axis" x1="${pad.left}" x2="${width - pad.right}" y1="${y(0)}" y2="${y(0)}"/>`;
  }
  if (days.length > 0) {
    out += `<text class="tick" x="${pad.left}" y="${height - 6}">${escapeHtml((days[0] as string).slice(5))}</text>`;
    out += `<text class="tick" x="${width - pad.right}" y="${height - 6}" text-anchor="end">${escapeHtml((days[days.length - 1] as string).slice(5))}</text>`;
  }
  days.forEach((day, i) => {
    const p = points[day];
    if (p && p.value !== null) {
      const py = y(Math.min(Math.max(p.value, min), max));
      out += `<circle class="dot" cx="${x(i).toFixed(1)}" cy="${py.toFixed(1)}" r="2.5"><title>${escapeHtml(`${day}: ${fmt(p.value)}${unit} (${p.n} answers)`)}</title></circle>`;
    }
  });
  const segments: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  days.forEach((day, i) => {
    const p = trend[day];
    if (p && p.value !== null) current.push([x(i), y(Math.min(Math.max(p.value, min), max))]);
    else if (current.length) {
      segments.push(current);
      current = [];
    }
  });
  if (current.length) segments.push(current);
  for (const seg of segments) {
    if (seg.length > 1)
      out += `<polyline class="series" fill="none" points="${seg.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`;
  }
  if (segments.length === 0) {
    out += `<text class="muted" x="${width / 2}" y="${height / 2}" text-anchor="middle">no data</text>`;
  }
  return `${out}</svg>`;
}
