// The SVG charts: sizes, text, and the colour of bars, lines and intervals.
export const CHARTS_CSS = `/* Charts: drawn at phone width, never wider than their box, never stretched. */
svg.chart {
  display: block;
  width: 100%;
  max-width: 560px;
  height: auto;
  overflow: visible;
}

svg.split {
  max-width: 100%;
  margin: 0.5rem 0;
}

/* Chart text at 13–12 px in a 360-unit viewBox: at least that size at 100 % zoom on a
   phone, larger on a desktop where the chart is drawn wider. */
svg text {
  fill: var(--text);
  font-size: 13px;
}

svg .muted,
svg .tick {
  fill: var(--muted);
  font-size: 12px;
}

svg .bar {
  fill: var(--accent);
}

svg .bar.low {
  fill: var(--low);
}

svg .bar.mid {
  fill: var(--mid);
}

svg .bar.high {
  fill: var(--high);
}

svg .empty {
  fill: var(--empty);
}

svg .axis {
  stroke: var(--muted);
  stroke-width: 1;
}

svg .grid {
  stroke: var(--line);
  stroke-width: 1;
}

svg .series {
  stroke: var(--accent);
  stroke-width: 2.5;
  stroke-linejoin: round;
}

svg .dot {
  fill: var(--muted);
  opacity: 0.85;
}

svg .interval {
  stroke: var(--muted);
  stroke-width: 2;
}

svg .estimate.strong {
  fill: var(--low);
  stroke: var(--low);
}

svg .estimate.weak {
  fill: var(--surface);
  stroke: var(--muted);
  stroke-width: 2;
}

`;
