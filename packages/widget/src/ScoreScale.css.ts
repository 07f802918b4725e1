/** The score options: ≥ 44 px targets (WCAG 2.5.5), NPS in two rows on narrow screens. */
export const scoreScaleCss = (): string =>
  `.s{display:grid;grid-template-columns:repeat(5,1fr);gap:.3rem}.ces .s{grid-template-columns:repeat(7,1fr)}` +
  `.nps .s{grid-template-columns:repeat(11,1fr)}` +
  `.o{min-width:44px;height:44px;border:1px solid var(--l);border-radius:var(--r);background:var(--b);font-weight:600;cursor:pointer}` +
  `.o:hover,.o:focus{border-color:var(--a);background:color-mix(in srgb,var(--a) 14%,var(--b))}` +
  `.e{display:flex;justify-content:space-between;margin-top:.5rem;font-size:.8rem;color:var(--m)}` +
  `@media(max-width:480px){.nps .s{grid-template-columns:repeat(6,1fr)}}`;
