import { describe, expect, it } from 'vitest';
import { simulate } from '../../packages/cli/src/simulate';
import { formatSimulation } from '../../packages/cli/src/simulation';
import { parseWalks } from '../../packages/cli/src/walks';
import type { Survey, TouchpointConfig } from '../../packages/core/src/types';

const survey = (id: string, extra: Partial<Survey> = {}): Survey => ({
  id,
  metric: 'nps',
  question: `${id}?`,
  when: { pages: ['/account/**'] },
  ...extra,
});
const config = (surveys: Survey[], limits = { maxPerSession: 10 }): TouchpointConfig => ({
  version: 1,
  surveys,
  limits,
});
const account = parseWalks('/account/\n/products/x\n');
const quick = { visitors: 4000, days: 10 };

describe('simulate', () => {
  it.each([0.05, 0.2, 0.5, 0.9])(
    'shows a %d-sampled survey to that share of its eligible visitors, within four standard deviations',
    (rate) => {
      const [s] = simulate(config([survey('nps', { sample: rate })]), account, quick).surveys;
      if (!s) throw new Error('no totals');
      const sd = Math.sqrt((rate * (1 - rate)) / s.eligible);
      expect(s.eligible).toBeGreaterThan(3000);
      expect(Math.abs(s.shown / s.eligible - rate)).toBeLessThan(4 * sd);
      // Sampling is per visitor, so everyone not shown was held back by it, and nobody else.
      expect(s.shown + s.suppressed.sample).toBe(s.eligible);
    },
  );

  it('counts a visitor once however often they come back', () => {
    const [s] = simulate(config([survey('nps')]), account, { ...quick, visitRate: 1 }).surveys;
    expect(s?.eligible).toBeLessThanOrEqual(quick.visitors);
    expect(s?.shown).toBe(s?.eligible);
  });

  it('holds back returning visitors by the cooldown, and not without one when answers never repeat', () => {
    const walks = parseWalks('/account/\n');
    const run = (extra: Partial<Survey>, answerRate: number) =>
      simulate(config([survey('nps', extra)], { maxPerSession: 1 }), walks, {
        ...quick,
        visitRate: 0.5,
        answerRate,
      }).surveys[0];
    const cooled = run({ cooldownDays: 30 }, 0);
    expect(cooled?.suppressed.cooldown).toBeGreaterThan(0);
    // The first rule that fails is the one counted: the cooldown comes before maxPerSession.
    expect(cooled?.suppressed.limits).toBe(0);
    // Dismissed without a cooldown: it may show again in the next session, so nothing counts as cooldown.
    expect(run({}, 0)?.suppressed.cooldown).toBe(0);
    // Answered and no repeatAfterDays: never again, counted with the cooldowns.
    expect(run({}, 1)?.suppressed.cooldown).toBeGreaterThan(0);
  });

  it('lets the first survey in config order win and counts the other as held back by another survey', () => {
    const [first, second] = simulate(
      config([survey('first'), survey('second')], { maxPerSession: 1 }),
      account,
      quick,
    ).surveys;
    expect(first?.shown).toBe(first?.eligible);
    expect(second?.suppressed.other).toBe(second?.eligible);
  });

  it('counts limits across surveys: minDaysBetweenSurveys holds back a second survey on another page', () => {
    const walks = parseWalks('[["/account/", "/help/"]]');
    const surveys = [survey('a'), survey('b', { when: { pages: ['/help/'] } })];
    const [, b] = simulate(
      { version: 1, surveys, limits: { maxPerSession: 5, minDaysBetweenSurveys: 7 } },
      walks,
      // Never answered, so "a" comes back after its 7 days and keeps taking the first slot.
      { ...quick, answerRate: 0 },
    ).surveys;
    expect(b?.suppressed.limits).toBe(b?.eligible);
    expect(b?.shown).toBe(0);
  });

  it('fires event surveys only on walks that carry the event, with the event stage', () => {
    const csat = survey('csat', {
      when: { pages: ['/checkout/done'], event: 'order_completed', stage: 'purchase' },
    });
    const run = (text: string) => simulate(config([csat]), parseWalks(text), quick).surveys[0]?.eligible;
    expect(run('/checkout/done\n')).toBe(0);
    expect(run('/checkout/done order_completed\n')).toBe(0);
    expect(run('/checkout/done order_completed@purchase\n')).toBeGreaterThan(0);
    // Or with the page's own stage from the configuration's `stages`.
    const staged = { ...config([csat]), stages: { '/checkout/**': 'purchase' } };
    expect(
      simulate(staged, parseWalks('/checkout/done order_completed\n'), quick).surveys[0]?.eligible,
    ).toBeGreaterThan(0);
  });

  it('counts afterPageViews within a session', () => {
    const late = survey('late', { when: { pages: ['/account/**'], afterPageViews: 3 } });
    const run = (journey: string) =>
      simulate(config([late]), parseWalks(journey), quick).surveys[0]?.eligible;
    expect(run('[["/account/", "/account/"]]')).toBe(0);
    expect(run('[["/", "/", "/account/"]]')).toBeGreaterThan(0);
  });

  it('gives the same totals for the same seed and different ones for another seed', () => {
    const c = config([survey('nps', { sample: 0.3, cooldownDays: 5 })]);
    expect(simulate(c, account, { ...quick, seed: 9 })).toEqual(simulate(c, account, { ...quick, seed: 9 }));
    expect(simulate(c, account, { ...quick, seed: 10 })).not.toEqual(
      simulate(c, account, { ...quick, seed: 9 }),
    );
  });

  it('returns zero totals when there is no page to walk', () => {
    expect(simulate(config([survey('nps')]), parseWalks(''), quick).surveys).toEqual([
      { id: 'nps', eligible: 0, shown: 0, suppressed: { sample: 0, cooldown: 0, limits: 0, other: 0 } },
    ]);
  });

  it('prints a table with one aligned row per survey', () => {
    const lines = formatSimulation({
      surveys: [
        {
          id: 'checkout-csat',
          eligible: 1234,
          shown: 1000,
          suppressed: { sample: 0, cooldown: 34, limits: 2, other: 200 },
        },
        { id: 'nps', eligible: 5, shown: 5, suppressed: { sample: 0, cooldown: 0, limits: 0, other: 0 } },
      ],
    });
    expect(lines.slice(0, 3)).toEqual([
      'survey         eligible  shown  sample  cooldown  limits  other',
      'checkout-csat      1234   1000       0        34       2    200',
      'nps                   5      5       0         0       0      0',
    ]);
  });
});

describe('simulate: schedules and traits', () => {
  const days = { visitors: 500, days: 30, visitRate: 1 };

  it('honours a schedule against the simulated days from --date', () => {
    const campaign = config([survey('campaign', { startsAt: '2027-01-15', endsAt: '2027-02-01' })]);
    const shownFrom = (start: number) => simulate(campaign, account, { ...days, start }).surveys[0]?.shown;
    expect(shownFrom(Date.UTC(2026, 0, 1))).toBe(0);
    expect(shownFrom(Date.UTC(2027, 5, 1))).toBe(0);
    expect(shownFrom(Date.UTC(2027, 0, 10))).toBeGreaterThan(0);
  });

  it('counts a visitor outside the schedule as not eligible, not as suppressed', () => {
    const [s] = simulate(config([survey('later', { startsAt: '2030-01-01' })]), account, days).surveys;
    expect(s).toEqual({
      id: 'later',
      eligible: 0,
      shown: 0,
      suppressed: { sample: 0, cooldown: 0, limits: 0, other: 0 },
    });
  });

  it('shows a trait-targeted survey to the share of visitors with the trait', () => {
    const pro = config([survey('pro', { when: { pages: ['/account/**'], user: { plan: 'pro' } } })]);
    const visitors = 4000;
    const traits = [
      { share: 0.3, traits: { plan: 'pro' } },
      { share: 0.5, traits: { plan: 'free' } },
    ];
    const [s] = simulate(pro, account, { visitors, days: 5, visitRate: 1, traits }).surveys;
    const sd = Math.sqrt((0.3 * 0.7) / visitors);
    expect(Math.abs((s?.eligible ?? 0) / visitors - 0.3)).toBeLessThan(4 * sd);
    expect(simulate(pro, account, { visitors: 200, days: 5 }).surveys[0]?.eligible).toBe(0);
  });

  it('draws the same visitors without --traits as before traits existed', () => {
    const plain = config([survey('nps', { sample: 0.5 })]);
    expect(simulate(plain, account, { ...quick, traits: [] })).toEqual(simulate(plain, account, quick));
  });
});
