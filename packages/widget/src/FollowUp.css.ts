/**
 * The chosen score with its Change button, the text box, the counter near the limit, the
 * optional link (secondary: plain text, so Send stays the one primary action) and Send.
 */
export const followUpCss = (): string =>
  `.tp-chosen{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem;margin:-.5rem 0 .75rem;color:var(--muted)}` +
  `.tp-change{min-height:24px;padding:0 .25rem;border:0;background:none;color:var(--text);text-decoration:underline}` +
  `.tp-comment{display:block;width:100%;height:5.5rem;padding:.6rem .75rem;resize:vertical}` +
  `.tp-actions{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin-top:.75rem}` +
  `.tp-counter{font-size:.8rem;color:var(--muted)}` +
  `.tp-link{padding:.7rem 0;color:var(--text);font-weight:400}` +
  `.tp-send{margin-inline-start:auto;padding:0 1.25rem;border:0;background:var(--accent);color:var(--on-accent)}`;
