import type { Reason } from '@touchpoint/core';
import { describe, expect, it } from 'vitest';
import { describeReason } from '../../../packages/core/src/debug/describe-reason';

const NOW = Date.UTC(2026, 2, 1, 12);

describe('describeReason', () => {
  it.each<[Reason, string]>([
    [{ rule: 'consent', ok: false, actual: false, needed: true }, 'consent missing'],
    [
      { rule: 'pages', ok: true, actual: '/checkout/done', needed: '/checkout/**' },
      'page /checkout/done matches /checkout/**',
    ],
    [{ rule: 'pages', ok: false, actual: '/', needed: ['/checkout/done'] }, 'page / not in /checkout/done'],
    [
      { rule: 'event', ok: false, actual: undefined, needed: 'order_completed' },
      'event order_completed pending',
    ],
    [
      { rule: 'event', ok: true, actual: 'order_completed', needed: 'order_completed' },
      'event order_completed happened',
    ],
    [{ rule: 'stage', ok: false, actual: 'interest', needed: 'purchase' }, 'stage interest, needs purchase'],
    [{ rule: 'stage', ok: true, actual: 'purchase', needed: 'purchase' }, 'stage purchase'],
    [{ rule: 'afterPageViews', ok: false, actual: 1, needed: 3 }, 'page views 1 of 3'],
    [{ rule: 'sample', ok: false, actual: 73, needed: 20 }, 'sample bucket 73 ≥ 20'],
    [{ rule: 'sample', ok: true, actual: 7.5, needed: 20 }, 'sample bucket 7.5 < 20'],
    [{ rule: 'cooldown', ok: false, actual: 2, needed: 30 }, 'cooldown until 2026-03-29'],
    [{ rule: 'cooldown', ok: true, actual: 31, needed: 30 }, 'cooldown over (31 days ago)'],
    [{ rule: 'answered', ok: false, actual: 3, needed: undefined }, 'answered; repeat never (3 days ago)'],
    [
      { rule: 'minDaysBetweenSurveys', ok: false, actual: 1, needed: 7 },
      'pause between surveys until 2026-03-07',
    ],
    [{ rule: 'maxPerSession', ok: false, actual: 1, needed: 1 }, 'session limit 1 of 1 used'],
    [{ rule: 'maxPerSession', ok: true, actual: 0, needed: 2 }, 'session limit 0 of 2 used'],
    [
      { rule: 'user', trait: 'plan', ok: false, actual: undefined, needed: 'pro' },
      'trait plan absent, needs "pro"',
    ],
    [
      { rule: 'user', trait: 'plan', ok: false, actual: 'free', needed: ['pro', 'team'] },
      'trait plan "free", needs "pro" | "team"',
    ],
    [{ rule: 'user', trait: 'orders', ok: true, actual: 4, needed: { gte: 3 } }, 'trait orders 4'],
    [
      { rule: 'startsAt', ok: false, actual: NOW, needed: Date.UTC(2026, 2, 15) },
      'starts 2026-03-15T00:00:00Z',
    ],
    [
      { rule: 'startsAt', ok: true, actual: NOW, needed: Date.UTC(2026, 1, 1) },
      'started 2026-02-01T00:00:00Z',
    ],
    [
      { rule: 'endsAt', ok: true, actual: NOW, needed: Date.UTC(2026, 3, 1, 9, 30) },
      'ends 2026-04-01T09:30:00Z',
    ],
    [{ rule: 'endsAt', ok: false, actual: NOW, needed: Date.UTC(2026, 2, 1) }, 'ended 2026-03-01T00:00:00Z'],
    [
      { rule: 'open', ok: false, actual: 'home-nps', needed: undefined },
      'home-nps is open (one prompt at a time)',
    ],
    // A rule this version of the overlay does not phrase yet: the core's formatter writes it.
    [{ rule: 'newRule', ok: false, actual: 'x', needed: 'y' } as unknown as Reason, 'newRule: x, needs y'],
  ])('reads %j as %s', (reason, text) => {
    expect(describeReason(reason, NOW)).toBe(text);
  });
});
