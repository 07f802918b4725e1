import type { SurveyStringKey } from '@touchpoint/core/rules';

/** Every string the prompt shows; other languages fall back to these for keys they leave out. */
export const en = {
  close: 'Close',
  /** Read by screen readers (polite live region) when a prompt appears. */
  announce: 'New survey: {question}',
  nps0: 'Not at all likely',
  nps10: 'Extremely likely',
  csat1: 'Very unsatisfied',
  csat2: 'Unsatisfied',
  csat3: 'Neutral',
  csat4: 'Satisfied',
  csat5: 'Very satisfied',
  ces1: 'Very difficult',
  ces2: 'Difficult',
  ces3: 'Somewhat difficult',
  ces4: 'Neutral',
  ces5: 'Somewhat easy',
  ces6: 'Easy',
  ces7: 'Very easy',
  /** The follow-up question for a band the survey gives no text of its own. */
  followUp: 'What is the main reason for your score?',
  /** Above the text box: the score chosen on the first step, and the button to change it. */
  chosen: 'Your score: {score}',
  change: 'Change',
  /** Characters typed / allowed, under the text box once the comment nears the limit. */
  counter: '{count}/{max}',
  send: 'Send',
  thanks: 'Thank you for your feedback!',
} satisfies Record<SurveyStringKey, string>;

/** The keys a locale table, and a survey's `strings`, may set. */
export type Strings = typeof en;
export type StringKey = keyof Strings;
