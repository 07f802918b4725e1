import type { TouchpointConfig } from '@touchpoint/core';

/**
 * The survey configuration, inline in the bundle. Paths are the ones React Router pushes
 * (under the app's basename), so globs match them as they would match server pages.
 */
export const CONFIG: TouchpointConfig = {
  version: 1,
  stages: {
    '/react/': 'touchpoint',
    '/react/products/**': 'interest',
    '/react/checkout/**': 'purchase',
  },
  surveys: [
    {
      id: 'react-checkout-csat',
      metric: 'csat',
      question: 'How satisfied are you with checkout today?',
      when: { pages: ['/react/checkout/done'], event: 'order_completed', stage: 'purchase', delayMs: 500 },
      cooldownDays: 30,
      followUp: { low: 'What went wrong?', high: 'What did we do well?' },
    },
    {
      // Shown by the "Give feedback" button anywhere, and on its own after a few pages of the account.
      id: 'react-nps',
      metric: 'nps',
      question: 'How likely are you to recommend Fieldnote to a friend?',
      when: { pages: ['/react/account/**'], afterPageViews: 3 },
    },
  ],
  limits: { maxPerSession: 1, minDaysBetweenSurveys: 0 },
};
