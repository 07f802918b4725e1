import { describe, expect, it } from 'vitest';
import { type EligibilityContext, eligibility } from '../../packages/core/src/eligibility';
import { type History, noteHistory } from '../../packages/core/src/history';
import { sampleBucket } from '../../packages/core/src/sample';
import type { Survey } from '../../packages/core/src/types';
import { readable } from './readable';

const DAY = 864e5;
const T0 = Date.UTC(2026, 0, 1);
const empty: History = { surveys: {} };
const ctx: EligibilityContext = {
  path: '/checkout/done',
  stage: 'purchase',
  pageViews: 1,
  anonymousId: 'anon-1',
  sessionId: 's1',
  consented: true,
};
const csat: Survey = {
  id: 'checkout-csat',
  metric: 'csat',
  question: 'How satisfied are you with checkout today?',
  when: { pages: ['/checkout/**'], event: 'order_completed', stage: 'purchase' },
};
const ok = (reasons: { ok: boolean }[]) => reasons.every((r) => r.ok);
const failing = (reasons: { rule: string; ok: boolean }[]) => reasons.filter((r) => !r.ok).map((r) => r.rule);
/** A history after these notes, each at `T0 + days`. */
const historyOf = (
  notes: [note: 'shown' | 'answered' | 'dismissed', id: string, day: number][],
  session = 's1',
) => notes.reduce((h, [note, id, day]) => noteHistory(h, note, id, session, T0 + day * DAY), empty);

describe('eligibility', () => {
  it('makes a survey eligible when every condition holds together', () => {
    const reasons = eligibility(csat, { ...ctx, event: { name: 'order_completed' } }, empty, T0);
    expect(failing(reasons)).toEqual([]);
    expect(reasons.map((r) => r.rule)).toEqual(['consent', 'pages', 'event', 'stage', 'maxPerSession']);
  });

  it.each([
    ['the page does not match', { path: '/products/x1' }, ['pages']],
    ['the event is another', { event: { name: 'cart_viewed' } }, ['event']],
    ['there is no event', { event: undefined }, ['event']],
    ['the page is in another stage', { stage: 'interest' }, ['stage']],
    ['consent is missing', { consented: false }, ['consent']],
    ['another prompt is open', { open: 'nps' }, ['open']],
    ['two conditions fail', { path: '/help', stage: 'service' }, ['pages', 'stage']],
  ])('makes it ineligible when %s (AND semantics)', (_, change, rules) => {
    const reasons = eligibility(csat, { ...ctx, event: { name: 'order_completed' }, ...change }, empty, T0);
    expect(ok(reasons)).toBe(false);
    expect(failing(reasons)).toEqual(rules);
  });

  it("lets the event's stage win over the page's", () => {
    const c = { ...ctx, stage: 'interest', event: { name: 'order_completed', stage: 'purchase' } };
    expect(ok(eligibility(csat, c, empty, T0))).toBe(true);
  });

  it('shows a survey with only pages on any matching page view', () => {
    const s: Survey = { id: 'home-nps', metric: 'nps', question: 'Q', when: { pages: ['!/checkout/**'] } };
    expect(ok(eligibility(s, { ...ctx, path: '/about' }, empty, T0))).toBe(true);
    const r = eligibility(s, ctx, empty, T0);
    expect(readable(r.find((x) => x.rule === 'pages'))).toEqual({
      rule: 'pages',
      ok: false,
      detail: '/checkout/done, needs !/checkout/**',
    });
  });

  it('waits for the page views of this session that afterPageViews asks for', () => {
    const s: Survey = { id: 's', metric: 'nps', question: 'Q', when: { afterPageViews: 3 } };
    const reasons = eligibility(s, { ...ctx, pageViews: 2 }, empty, T0);
    expect(failing(reasons)).toEqual(['afterPageViews']);
    expect(readable(reasons[1])?.detail).toBe('2, needs 3');
    expect(ok(eligibility(s, { ...ctx, pageViews: 3 }, empty, T0))).toBe(true);
  });

  it('samples by the bucket of this visitor and survey', () => {
    const bucket = sampleBucket('anon-1', 's');
    const at = (sample: number) =>
      eligibility({ id: 's', metric: 'nps', question: 'Q', sample }, ctx, empty, T0);
    expect(ok(at(bucket / 100 + 0.0001))).toBe(true);
    expect(failing(at(bucket / 100))).toEqual(['sample']);
    expect(readable(at(0)[1])?.detail).toBe(`bucket ${bucket}, needs < 0`);
  });

  describe('across simulated days', () => {
    const s: Survey = { id: 's', metric: 'nps', question: 'Q', cooldownDays: 30 };
    const other = 's2'; // a later session, so maxPerSession does not interfere

    it('waits the cooldown after a survey was dismissed', () => {
      const h = historyOf([['dismissed', 's', 0]]);
      expect(failing(eligibility(s, { ...ctx, sessionId: other }, h, T0 + 29.9 * DAY))).toEqual(['cooldown']);
      expect(ok(eligibility(s, { ...ctx, sessionId: other }, h, T0 + 30 * DAY))).toBe(true);
    });

    it('waits the cooldown after a survey was shown and ignored', () => {
      const h = historyOf([['shown', 's', 0]]);
      expect(failing(eligibility(s, { ...ctx, sessionId: other }, h, T0 + 10 * DAY))).toEqual(['cooldown']);
    });

    it('never shows an answered survey again, however long ago', () => {
      const h = historyOf([
        ['shown', 's', 0],
        ['answered', 's', 0],
      ]);
      const reasons = eligibility(s, { ...ctx, sessionId: other }, h, T0 + 3650 * DAY);
      expect(failing(reasons)).toEqual(['answered']);
      expect(readable(reasons.find((r) => r.rule === 'answered'))?.detail).toBe('3650 days ago, needs never');
    });

    it('shows an answered survey again once repeatAfterDays has passed', () => {
      const r: Survey = { ...s, repeatAfterDays: 90 };
      const h = historyOf([['answered', 's', 0]]);
      expect(failing(eligibility(r, { ...ctx, sessionId: other }, h, T0 + 89 * DAY))).toEqual(['answered']);
      expect(ok(eligibility(r, { ...ctx, sessionId: other }, h, T0 + 90 * DAY))).toBe(true);
    });

    it('keeps minDaysBetweenSurveys between any two surveys', () => {
      const c = { ...ctx, sessionId: other, limits: { minDaysBetweenSurveys: 7 } };
      const h = historyOf([['shown', 'another', 0]]);
      const reasons = eligibility({ ...s, cooldownDays: 0 }, c, h, T0 + 6.5 * DAY);
      expect(failing(reasons)).toEqual(['minDaysBetweenSurveys']);
      expect(readable(reasons.at(-1))?.detail).toBe('6.5 days ago, needs 7 days');
      expect(ok(eligibility(s, c, h, T0 + 7 * DAY))).toBe(true);
    });

    it('shows at most maxPerSession surveys in one session, one by default', () => {
      const h = historyOf([['shown', 'another', 0]]);
      expect(failing(eligibility(s, ctx, h, T0))).toEqual(['maxPerSession']);
      expect(ok(eligibility(s, { ...ctx, limits: { maxPerSession: 2 } }, h, T0))).toBe(true);
      expect(ok(eligibility(s, { ...ctx, sessionId: other }, h, T0))).toBe(true);
    });

    it('shows nothing automatically with maxPerSession 0', () => {
      expect(failing(eligibility(s, { ...ctx, limits: { maxPerSession: 0 } }, empty, T0))).toEqual([
        'maxPerSession',
      ]);
    });
  });
});

describe('eligibility: when.user', () => {
  const pro: Survey = {
    id: 'pro-nps',
    metric: 'nps',
    question: 'Q',
    when: { pages: ['/account'], user: { plan: ['pro', 'team'], orders: { gte: 3 } } },
  };
  const at = { ...ctx, path: '/account' };

  it('holds when every trait condition holds, with one reason per trait', () => {
    const reasons = eligibility(pro, { ...at, traits: { plan: 'team', orders: 3, email: 'x' } }, empty, T0);
    expect(failing(reasons)).toEqual([]);
    expect(reasons.filter((r) => r.rule === 'user')).toEqual([
      { rule: 'user', trait: 'plan', ok: true, actual: 'team', needed: ['pro', 'team'] },
      { rule: 'user', trait: 'orders', ok: true, actual: 3, needed: { gte: 3 } },
    ]);
  });

  it.each([
    ['before identify() gave any trait', undefined],
    ['when one trait is absent', { plan: 'pro' }],
    ['when one trait is another value', { plan: 'free', orders: 9 }],
  ])('fails %s', (_, traits) => {
    expect(ok(eligibility(pro, { ...at, traits }, empty, T0))).toBe(false);
  });

  it('fails an lt condition on an absent trait: nothing known is not fewer', () => {
    const few: Survey = { ...pro, when: { user: { orders: { lt: 3 } } } };
    expect(failing(eligibility(few, { ...at, traits: {} }, empty, T0))).toEqual(['user']);
    expect(failing(eligibility(few, { ...at, traits: { orders: 0 } }, empty, T0))).toEqual([]);
  });
});

describe('eligibility: startsAt and endsAt', () => {
  const campaign: Survey = {
    id: 'c',
    metric: 'csat',
    question: 'Q',
    startsAt: '2027-01-15',
    endsAt: '2027-02-01',
  };
  const judge = (now: number) => eligibility(campaign, ctx, empty, now);

  it.each([
    ['one millisecond before the start', Date.UTC(2027, 0, 14, 23, 59, 59, 999), ['startsAt']],
    ['at the start (inclusive)', Date.UTC(2027, 0, 15), []],
    ['inside the window', Date.UTC(2027, 0, 20, 12), []],
    ['on the last day, late evening UTC', Date.UTC(2027, 0, 31, 23, 59), []],
    ['at the end (exclusive)', Date.UTC(2027, 1, 1), ['endsAt']],
    ['after the end', Date.UTC(2027, 5, 1), ['endsAt']],
  ])('judges %s', (_, now, rules) => {
    expect(failing(judge(now))).toEqual(rules);
  });

  it('reports what the clock said and what the schedule needs, as instants', () => {
    const now = Date.UTC(2027, 0, 10);
    expect(judge(now).filter((r) => r.rule === 'startsAt' || r.rule === 'endsAt')).toEqual([
      { rule: 'startsAt', ok: false, actual: now, needed: Date.UTC(2027, 0, 15) },
      { rule: 'endsAt', ok: true, actual: now, needed: Date.UTC(2027, 1, 1) },
    ]);
  });

  it('honours the zone of a date-time: 09:00 in Berlin is 08:00 UTC in winter', () => {
    const berlin: Survey = { id: 'c', metric: 'csat', question: 'Q', startsAt: '2027-01-15T09:00:00+01:00' };
    expect(ok(eligibility(berlin, ctx, empty, Date.UTC(2027, 0, 15, 7, 59)))).toBe(false);
    expect(ok(eligibility(berlin, ctx, empty, Date.UTC(2027, 0, 15, 8)))).toBe(true);
  });

  it('fails closed on a date that does not parse (an unvalidated configuration)', () => {
    const bad = { ...campaign, startsAt: 'soon', endsAt: 'later' };
    expect(failing(eligibility(bad, ctx, empty, Date.UTC(2027, 0, 20)))).toEqual(['startsAt', 'endsAt']);
  });
});
