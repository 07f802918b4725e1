// The insights page's stylesheet, served same-origin at <insights>/insights.css (the page
// runs under `default-src 'self'`: no inline style). A module rather than a file, so the
// compiled package carries it without a copy step.
export const INSIGHTS_CSS = `/* The insights page's one stylesheet: same-origin, so \`default-src 'self'\` needs no
   'unsafe-inline'. Charts are SVG coloured by these classes, so one set of custom
   properties switches every chart between light and dark. */
:root {
  color-scheme: light dark;
  --bg: #f7f5f0;
  --surface: #ffffff;
  --text: #1d2321;
  --muted: #5b6662;
  --line: #e3dfd6;
  --accent: #2f6d4f;
  --low: #c0412f;
  --mid: #c99a1c;
  --high: #2f7d55;
  --empty: #e3dfd6;
  font-family:
    ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5;
}

@media (prefers-color-scheme: dark) {
  :root {
    --bg: #141816;
    --surface: #1d2320;
    --text: #eef2ef;
    --muted: #a3b0aa;
    --line: #34403a;
    --accent: #6fc79a;
    --low: #f08b7c;
    --mid: #e8c25a;
    --high: #6fc79a;
    --empty: #2e3733;
  }
}

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

code {
  font-size: 0.9em;
  overflow-wrap: anywhere;
}

.top {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 2rem;
  align-items: end;
  justify-content: space-between;
  padding: 1rem clamp(1rem, 4vw, 2.5rem);
  border-bottom: 1px solid var(--line);
  background: var(--surface);
}

.top h1 {
  margin: 0;
  font-size: 1.6rem;
}

.top p {
  margin: 0.25rem 0 0;
}

.top nav {
  display: flex;
  flex-wrap: wrap;
  gap: 1rem;
}

main {
  max-width: 1180px;
  margin: 0 auto;
  padding: 0 clamp(1rem, 4vw, 2.5rem) 3rem;
}

section {
  margin-top: 2.25rem;
}

h2 {
  font-size: 1.25rem;
  margin: 0 0 0.5rem;
}

.muted {
  color: var(--muted);
}

.empty,
.problem {
  margin-top: 1.5rem;
  padding: 0.75rem 1rem;
  border: 1px solid var(--line);
  border-radius: 10px;
  background: var(--surface);
}

.problem {
  border-color: var(--low);
}

.cards,
.charts {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr));
  gap: 1rem;
}

.card,
figure {
  margin: 0;
  padding: 1rem;
  border: 1px solid var(--line);
  border-radius: 12px;
  background: var(--surface);
  min-width: 0;
}

.card h3 {
  margin: 0;
  font-size: 1rem;
  color: var(--muted);
}

.card p {
  margin: 0.25rem 0;
}

.big {
  font-size: 2.5rem;
  font-weight: 700;
  line-height: 1.1;
}

.big.none {
  font-size: 1.5rem;
  color: var(--muted);
}

.legend {
  font-size: 0.85rem;
  color: var(--muted);
}

.legend {
  display: flex;
  flex-wrap: wrap;
  gap: 0 0.9rem;
}

/* A key stays beside its label when the legend wraps. */
.legend .item {
  white-space: nowrap;
}

.key {
  display: inline-block;
  width: 0.7em;
  height: 0.7em;
  margin-right: 0.3em;
  border-radius: 2px;
  vertical-align: baseline;
}

.key.low {
  background: var(--low);
}

.key.mid {
  background: var(--mid);
}

.key.high {
  background: var(--high);
}

figcaption {
  font-weight: 600;
  margin-bottom: 0.5rem;
}

/* Charts: drawn at phone width, never wider than their box, never stretched. */
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

/* Tables wider than the screen scroll inside their box; shadows at the edges that still
   have columns to show say so (the local gradients cover them when scrolled to an end). */
.scroll {
  overflow-x: auto;
  margin-top: 1rem;
  background:
    linear-gradient(to right, var(--surface) 30%, transparent) left / 2rem 100% no-repeat local,
    linear-gradient(to left, var(--surface) 30%, transparent) right / 2rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.3), transparent) left / 0.8rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.3), transparent) right / 0.8rem 100% no-repeat scroll,
    var(--surface);
}

.scroll:focus-visible {
  outline: 2px solid var(--accent);
}

.scroll table {
  background: transparent;
}

.summary {
  margin: 0 0 1rem;
  padding-left: 1.2rem;
  font-size: 1.05rem;
}

.summary li + li {
  margin-top: 0.35rem;
}

.driver-block {
  margin-bottom: 1.5rem;
}

.driver-block .lead {
  font-size: 1.05rem;
}

.method summary,
.trail-details summary {
  cursor: pointer;
  color: var(--muted);
}

.pager {
  display: flex;
  gap: 1rem;
  align-items: center;
  margin-top: 1rem;
}

table {
  border-collapse: collapse;
  min-width: 100%;
  background: var(--surface);
  font-variant-numeric: tabular-nums;
}

caption {
  text-align: left;
  color: var(--muted);
  padding: 0 0 0.25rem;
}

th,
td {
  text-align: left;
  padding: 0.4rem 0.75rem;
  border-bottom: 1px solid var(--line);
  white-space: nowrap;
}

td small,
th small {
  color: var(--muted);
}

td.none {
  color: var(--muted);
}

td.worse {
  color: var(--low);
  font-weight: 600;
}

td.better {
  color: var(--high);
  font-weight: 600;
}

.filters,
.versions {
  display: flex;
  flex-wrap: wrap;
  gap: 0.75rem;
  align-items: end;
  margin-bottom: 0.5rem;
}

.filters label,
.versions label {
  display: grid;
  gap: 0.2rem;
  font-size: 0.9rem;
}

select,
button {
  font: inherit;
  padding: 0.35rem 0.5rem;
  border-radius: 8px;
  border: 1px solid var(--line);
  background: var(--surface);
  color: var(--text);
}

button {
  background: var(--accent);
  color: var(--bg);
  border-color: var(--accent);
  cursor: pointer;
}

.comments {
  list-style: none;
  padding: 0;
  margin: 0;
  display: grid;
  gap: 0.75rem;
}

.comment {
  padding: 0.75rem 1rem;
  border: 1px solid var(--line);
  border-radius: 12px;
  background: var(--surface);
}

.comment .meta {
  margin: 0;
  color: var(--muted);
  font-size: 0.9rem;
}

.comment blockquote {
  margin: 0.4rem 0;
  font-size: 1.05rem;
  overflow-wrap: anywhere;
  white-space: pre-wrap;
}

.score {
  display: inline-block;
  min-width: 2em;
  padding: 0 0.4em;
  border-radius: 6px;
  text-align: center;
  font-weight: 700;
  color: var(--bg);
  background: var(--muted);
}

.score.low {
  background: var(--low);
}

.score.mid {
  background: var(--mid);
}

.score.high {
  background: var(--high);
}

.band {
  color: var(--text);
}

.trail {
  display: flex;
  flex-wrap: wrap;
  gap: 0.3rem;
  list-style: none;
  padding: 0;
  margin: 0.25rem 0 0;
  font-size: 0.8rem;
  color: var(--muted);
}

.trail li {
  padding: 0.1rem 0.45rem;
  border: 1px solid var(--line);
  border-radius: 999px;
}

.trail li + li::before {
  content: "→ ";
}

.trail .stage {
  color: var(--text);
  font-weight: 600;
}
`;
