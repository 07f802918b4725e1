/** The binding's own text, in English: pass children to `<FeedbackButton>` for any other language. */
export const STRINGS = {
  feedback: 'Give feedback',
};
