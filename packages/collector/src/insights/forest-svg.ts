// The drivers' forest plot, drawn as an SVG string like the other charts (svg.ts).
import { escapeHtml } from './escape.js';
import { fmt, open } from './svg.js';

/**
 * A forest plot: per row, a point estimate and its interval on one shared axis with a
 * zero line and labelled ticks in `unit` (the drivers' differences in percentage points).
 * Significant rows are drawn solid, the others hollow, so colour is not the only cue.
 */
export function forestChart({
  title,
  rows,
  min,
  max,
  unit,
}: {
  title: string;
  rows: Array<{ label: string; value: number; low: number; high: number; strong: boolean; text: string }>;
  min: number;
  max: number;
  unit: string;
}): string {
  const width = 360;
  const labelWidth = 150;
  const rowHeight = 26;
  const axisHeight = 22;
  const right = width - 24;
  const height = Math.max(1, rows.length) * rowHeight + axisHeight;
  const x = (v: number) =>
    labelWidth + ((Math.min(Math.max(v, min), max) - min) / (max - min || 1)) * (right - labelWidth);
  let out = open(width, height, title, ' forest');
  rows.forEach((row, i) => {
    const mid = i * rowHeight + rowHeight / 2;
    out += `<text class="label" x="${labelWidth - 6}" y="${mid}" text-anchor="end" dominant-baseline="middle">${escapeHtml(row.label)}</text>`;
    out += `<line class="interval" x1="${x(row.low).toFixed(1)}" x2="${x(row.high).toFixed(1)}" y1="${mid}" y2="${mid}"/>`;
    out += `<circle class="estimate ${row.strong ? 'strong' : 'weak'}" cx="${x(row.value).toFixed(1)}" cy="${mid}" r="5"><title>${escapeHtml(`${row.label}: ${row.text}`)}</title></circle>`;
  });
  const base = rows.length * rowHeight;
  out += `<line class="axis" x1="${x(0)}" x2="${x(0)}" y1="0" y2="${base}"/>`;
  const step = (max - min) / 4;
  for (let i = 0; i <= 4; i++) {
    const v = min + i * step;
    out += `<text class="tick" x="${x(v).toFixed(1)}" y="${base + 15}" text-anchor="middle">${v > 0 ? '+' : v < 0 ? '−' : ''}${fmt(Math.abs(v))}${i === 0 || i === 4 ? escapeHtml(unit) : ''}</text>`;
  }
  return `${out}</svg>`;
}
