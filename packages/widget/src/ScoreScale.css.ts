/**
 * The score options: one row for every metric, NPS 0–10 included, from 320 px wide up. Each
 * option is at least 24 × 24 px (WCAG 2.2 target size, 2.5.8) and 44 px high; on wider cards
 * they grow to 44 px and more. The end labels sit under the two ends.
 */
export const scoreScaleCss = (): string =>
  `.tp-scale{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(24px,1fr);gap:.3rem}` +
  `.tp-option{min-width:24px;padding:0}` +
  `.tp-option:hover,.tp-option:focus{border-color:var(--accent);background:color-mix(in srgb,var(--accent) 14%,var(--surface))}` +
  `.tp-option[aria-checked=true]{border-color:var(--accent);background:var(--accent);color:var(--on-accent)}` +
  `.tp-ends{display:flex;justify-content:space-between;gap:1rem;margin-top:.5rem;font-size:.8rem;color:var(--muted)}` +
  `.tp-ends span:last-child{text-align:end}` +
  `@media(max-width:480px){.tp-scale{gap:2px}}`;
