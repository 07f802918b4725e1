/** The text box, its counter, the optional link and the send button. */
export const followUpCss = (): string =>
  `textarea{display:block;width:100%;height:5.5rem;padding:.6rem .75rem;border:1px solid var(--l);border-radius:var(--r);background:var(--b)}` +
  `.r{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin-top:.75rem}` +
  `.n{margin-inline-end:auto;font-size:.8rem;color:var(--m)}` +
  `.k{padding:.7rem 0;color:var(--a);font-weight:600}` +
  `.b{height:44px;padding:0 1.25rem;border:0;border-radius:var(--r);background:var(--a);color:var(--o);font-weight:600;cursor:pointer}`;
