import type { Reason } from '@touchpoint/core';
import { describe, expect, it } from 'vitest';
import { fromScript } from './from-script';

const { describeReason } = await fromScript<{ describeReason(r: Reason, now: number): string }>(
  'describe-reason.ts',
);
const NOW = Date.UTC(2026, 2, 1, 12);

describe('describeReason', () => {
  it.each<[Reason, string]>([
    [{ rule: 'consent', ok: false, detail: 'missing, needs given' }, 'consent missing'],
    [
      { rule: 'pages', ok: true, detail: '/checkout/done, needs /checkout/**' },
      'page /checkout/done matches /checkout/**',
    ],
    [{ rule: 'pages', ok: false, detail: '/, needs /checkout/done' }, 'page / not in /checkout/done'],
    [
      { rule: 'event', ok: false, detail: 'no event, needs order_completed' },
      'event order_completed pending',
    ],
    [
      { rule: 'event', ok: true, detail: 'order_completed, needs order_completed' },
      'event order_completed happened',
    ],
    [{ rule: 'stage', ok: false, detail: 'interest, needs purchase' }, 'stage interest, needs purchase'],
    [{ rule: 'stage', ok: true, detail: 'purchase, needs purchase' }, 'stage purchase'],
    [{ rule: 'afterPageViews', ok: false, detail: '1, needs 3' }, 'page views 1 of 3'],
    [{ rule: 'sample', ok: false, detail: 'bucket 73, needs < 20' }, 'sample bucket 73 ≥ 20'],
    [{ rule: 'sample', ok: true, detail: 'bucket 7.5, needs < 20' }, 'sample bucket 7.5 < 20'],
    [{ rule: 'cooldown', ok: false, detail: '2 days ago, needs 30 days' }, 'cooldown until 2026-03-29'],
    [{ rule: 'cooldown', ok: true, detail: '31 days ago, needs 30 days' }, 'cooldown over (31 days ago)'],
    [
      { rule: 'answered', ok: false, detail: '3 days ago, needs never' },
      'answered; repeat never (3 days ago)',
    ],
    [
      { rule: 'minDaysBetweenSurveys', ok: false, detail: '1 days ago, needs 7 days' },
      'pause between surveys until 2026-03-07',
    ],
    [{ rule: 'maxPerSession', ok: false, detail: '1 shown, needs < 1' }, 'session limit 1 of 1 used'],
    [{ rule: 'maxPerSession', ok: true, detail: '0 shown, needs < 2' }, 'session limit 0 of 2 used'],
    [
      { rule: 'open', ok: false, detail: 'home-nps open, needs none' },
      'home-nps is open (one prompt at a time)',
    ],
    [{ rule: 'newRule', ok: false, detail: 'x, needs y' }, 'newRule: x, needs y'],
  ])('reads %j as %s', (reason, text) => {
    expect(describeReason(reason, NOW)).toBe(text);
  });
});
