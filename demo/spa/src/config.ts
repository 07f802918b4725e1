import type { TouchpointConfig } from '@touchpoint/core';

/**
 * The survey configuration, inline: an SPA can ship it in its bundle instead of fetching
 * touchpoint.config.json. Paths are the ones the router pushes, so globs match them as they
 * would match server pages.
 */
export const CONFIG: TouchpointConfig = {
  version: 1,
  stages: {
    '/spa/': 'touchpoint',
    '/spa/products/**': 'interest',
    '/spa/checkout/**': 'purchase',
  },
  surveys: [
    {
      id: 'spa-checkout-csat',
      metric: 'csat',
      question: 'How satisfied are you with checkout today?',
      when: { pages: ['/spa/checkout/done'], event: 'order_completed', stage: 'purchase', delayMs: 800 },
      sample: 1,
      cooldownDays: 30,
      followUp: { low: 'What went wrong?', high: 'What did we do well?' },
    },
  ],
  limits: { maxPerSession: 1, minDaysBetweenSurveys: 0 },
};
