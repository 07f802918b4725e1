import { describe, expect, it } from 'vitest';
import { formatReason, type Reason } from '../../packages/core/src/reason';

describe('formatReason', () => {
  it.each<[Reason, string]>([
    [{ rule: 'consent', ok: false, actual: false, needed: true }, 'missing, needs given'],
    [{ rule: 'consent', ok: true, actual: true, needed: true }, 'given, needs given'],
    [{ rule: 'pages', ok: true, actual: '/a', needed: '/a' }, '/a, needs /a'],
    [{ rule: 'pages', ok: false, actual: '/', needed: ['/a', '/b/**'] }, '/, needs /a,/b/**'],
    [{ rule: 'event', ok: false, actual: undefined, needed: 'signup' }, 'no event, needs signup'],
    [{ rule: 'stage', ok: false, actual: undefined, needed: 'use' }, 'no stage, needs use'],
    [{ rule: 'afterPageViews', ok: false, actual: 2, needed: 3 }, '2, needs 3'],
    [{ rule: 'sample', ok: false, actual: 73.1, needed: 20 }, 'bucket 73.1, needs < 20'],
    [{ rule: 'cooldown', ok: false, actual: 6.54, needed: 7 }, '6.5 days ago, needs 7 days'],
    [{ rule: 'answered', ok: false, actual: 3650, needed: undefined }, '3650 days ago, needs never'],
    [{ rule: 'maxPerSession', ok: true, actual: 0, needed: 1 }, '0 shown, needs < 1'],
    [{ rule: 'open', ok: false, actual: 'home-nps', needed: undefined }, 'home-nps open, needs none'],
    [{ rule: 'user', trait: 'plan', ok: false, actual: 'free', needed: 'pro' }, 'plan "free", needs "pro"'],
    [
      { rule: 'user', trait: 'plan', ok: false, actual: undefined, needed: ['pro', 'team'] },
      'plan absent, needs "pro" | "team"',
    ],
    [
      { rule: 'user', trait: 'orders', ok: true, actual: 5, needed: { gte: 3, lt: 10 } },
      'orders 5, needs ≥ 3 and < 10',
    ],
    [{ rule: 'user', trait: 'beta', ok: false, actual: false, needed: true }, 'beta false, needs true'],
    [{ rule: 'user', trait: 'n', ok: false, actual: 1, needed: { gt: 1, lte: 2 } }, 'n 1, needs > 1 and ≤ 2'],
    [
      { rule: 'startsAt', ok: false, actual: Date.UTC(2027, 0, 10), needed: Date.UTC(2027, 0, 15) },
      '2027-01-10T00:00:00Z, needs from 2027-01-15T00:00:00Z',
    ],
    [
      { rule: 'endsAt', ok: false, actual: Date.UTC(2027, 1, 1, 8, 30, 0, 5), needed: Date.UTC(2027, 1, 1) },
      '2027-02-01T08:30:00.005Z, needs before 2027-02-01T00:00:00Z',
    ],
  ])('writes %j as %s', (reason, text) => {
    expect(formatReason(reason)).toBe(text);
  });
});
