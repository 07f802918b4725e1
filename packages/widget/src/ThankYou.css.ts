/** The thank-you: the card keeps its place and width, so the message replaces the prompt in situ. */
export const thankYouCss = (): string =>
  `.tp-thanks{display:flex;align-items:center;gap:.75rem;margin:0;color:var(--accent)}.tp-thanks span{color:var(--text)}`;
