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
  ])('writes %j as %s', (reason, text) => {
    expect(formatReason(reason)).toBe(text);
  });
});
