/**
 * The score options: ≥ 44 px targets (WCAG 2.5.5), one equal column per score (however many the
 * metric has), NPS in two rows on narrow screens.
 */
export const scoreScaleCss = (): string =>
  `.s{display:grid;grid:auto/auto-flow 1fr;gap:.3rem}.o{min-width:44px}` +
  `.o:hover,.o:focus{border-color:var(--a);background:color-mix(in srgb,var(--a) 14%,var(--b))}` +
  `.e,.n{font-size:.8rem;color:var(--m)}.e{display:flex;justify-content:space-between;margin-top:.5rem}` +
  `@media(max-width:480px){.nps .s{grid:auto-flow/repeat(6,1fr)}}`;
