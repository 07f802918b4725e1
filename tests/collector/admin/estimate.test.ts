import { estimateReach, type Visit } from '../../../packages/collector/src/admin/estimate.js';
import type { Survey, UserConditions } from '../../../packages/core/src/types';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);

/** A session: its person, its day, and what happened in it, in order. */
function session(person: string, day: number, steps: [type: string, path: string, name?: string][]): Visit[] {
  return steps.map(([type, path, name], i) => ({
    anonymousId: person,
    sessionId: `${person}-${day}`,
    ts: T0 + day * DAY + i * 1000,
    type,
    name: name ?? null,
    stage: path.startsWith('/checkout') ? 'purchase' : null,
    path,
  }));
}

const buy = (person: string, day: number) =>
  session(person, day, [
    ['page', '/cart'],
    ['page', '/checkout/done'],
    ['track', '/checkout/done', 'order_completed'],
  ]);
const browse = (person: string, day: number) => session(person, day, [['page', '/products/lamp']]);

// 14 days of synthetic traffic:
// - ana buys on days 1, 3 and 10; ben on days 2 and 12; cy on day 5; dee browses only.
// With a 7-day cooldown: ana is shown on day 1, held back on day 3, shown on day 10;
// ben on days 2 and 12; cy on day 5. Qualifying 6, held back 1, shown 5.
// At sample 0.5: 5 × 0.5 = 2.5 showings in 14 days = 1.25 a week.
const TRAFFIC = [
  ...buy('ana', 1),
  ...buy('ana', 3),
  ...buy('ana', 10),
  ...buy('ben', 2),
  ...buy('ben', 12),
  ...buy('cy', 5),
  ...browse('dee', 1),
  ...browse('dee', 4),
];

const csat: Survey = {
  id: 'checkout-csat',
  metric: 'csat',
  question: 'How was checkout?',
  when: { pages: ['/checkout/done'], event: 'order_completed', stage: 'purchase' },
  cooldownDays: 7,
  sample: 0.5,
};

describe('estimateReach', () => {
  it('counts the worked example: 6 qualifying sessions, 1 held back by the cooldown, 1.25 people a week', () => {
    expect(estimateReach(csat, TRAFFIC, 14)).toEqual({
      windowDays: 14,
      sessions: 8,
      qualifying: 6,
      heldBack: 1,
      perWeek: 1.25,
      heldBackShare: 1 / 6,
    });
  });

  it('does not depend on the order the visits are read in', () => {
    expect(estimateReach(csat, [...TRAFFIC].reverse(), 14)).toEqual(estimateReach(csat, TRAFFIC, 14));
  });

  it.each([
    [
      'no cooldown: every qualifying session is shown',
      { cooldownDays: undefined },
      { qualifying: 6, heldBack: 0, perWeek: 1.5 },
    ],
    [
      'a page glob no one visited',
      { when: { pages: ['/nowhere'] } },
      { qualifying: 0, perWeek: 0, heldBackShare: 0 },
    ],
    ['an event no one sent', { when: { event: 'never_sent' } }, { qualifying: 0 }],
    [
      'pages only: any page view there',
      { when: { pages: ['/products/**'] }, sample: 1, cooldownDays: 0 },
      { qualifying: 2, perWeek: 1 },
    ],
    [
      'the same, with the cooldown holding back the second visit in 3 days',
      { when: { pages: ['/products/**'] }, sample: 1 },
      { qualifying: 2, heldBack: 1, perWeek: 0.5 },
    ],
    [
      'after two page views in the session',
      { when: { pages: ['/checkout/**'], afterPageViews: 2 }, sample: 1, cooldownDays: 0 },
      { qualifying: 6 },
    ],
    ['after three page views: no session has that many', { when: { afterPageViews: 3 } }, { qualifying: 0 }],
    ['a stage never reached', { when: { stage: 'churn' } }, { qualifying: 0 }],
  ])('%s', (_name, change, expected) => {
    expect(estimateReach({ ...csat, ...change } as Survey, TRAFFIC, 14)).toMatchObject(expected);
  });

  describe('visitor traits, as identify() gave them before the moment', () => {
    /** `person` identifies with `traits` on `day`, in a session of its own before that day's visit. */
    const identify = (person: string, day: number, traits: Visit['traits']): Visit => ({
      anonymousId: person,
      sessionId: `${person}-${day}-identify`,
      ts: T0 + day * DAY - 60_000,
      type: 'identify',
      path: '/account',
      traits,
    });
    const byTraits = (user: UserConditions): Survey => ({
      ...csat,
      when: { ...csat.when, user },
      sample: 1,
    });

    it('counts only the sessions of people whose traits meet the conditions, traits kept across sessions', () => {
      // ana: pro from day 1 (buys on 1, 3, 10); ben: free (buys on 2, 12); cy: never identified.
      const traffic = [...TRAFFIC, identify('ana', 1, { plan: 'pro' }), identify('ben', 2, { plan: 'free' })];
      expect(estimateReach(byTraits({ plan: 'pro' }), traffic, 14)).toMatchObject({
        qualifying: 3,
        heldBack: 1,
      });
      expect(estimateReach(byTraits({ plan: ['pro', 'free'] }), traffic, 14)).toMatchObject({
        qualifying: 5,
      });
      // An absent trait never matches, not even "less than".
      expect(estimateReach(byTraits({ seats: { lt: 5 } }), traffic, 14)).toMatchObject({ qualifying: 0 });
    });

    it('merges later identify() calls into the traits, as the SDK does, and reads them in time order', () => {
      const traffic = [
        ...TRAFFIC,
        identify('ana', 1, { plan: 'pro', orders: 1 }),
        identify('ana', 3, { orders: 2 }),
      ];
      const survey = byTraits({ plan: 'pro', orders: { gte: 2 } });
      expect(estimateReach(survey, traffic, 14)).toMatchObject({ qualifying: 2 });
      expect(estimateReach(survey, [...traffic].reverse(), 14)).toMatchObject({ qualifying: 2 });
    });

    it('does not count a moment before the identify() that gave the trait, in the same session', () => {
      const late: Visit = {
        ...identify('cy', 5, { plan: 'pro' }),
        sessionId: 'cy-5',
        ts: T0 + 5 * DAY + 10_000,
      };
      expect(estimateReach(byTraits({ plan: 'pro' }), [...TRAFFIC, late], 14)).toMatchObject({
        qualifying: 0,
      });
    });
  });
});
