/** The text box, its counter, the optional link and the send button (their shared look is in Prompt.css). */
export const followUpCss = (): string =>
  `textarea{display:block;width:100%;height:5.5rem;padding:.6rem .75rem}` +
  `.r{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin-top:.75rem}` +
  `.n{margin-inline-end:auto}.k{padding:.7rem 0;color:var(--a);font-weight:600}` +
  `.b{padding:0 1.25rem;border:0;background:var(--a);color:var(--o)}`;
