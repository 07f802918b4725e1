import { describe, expect, it } from 'vitest';
import { prng } from '../../../demo/seed.mjs';
import {
  type AnswerSteps,
  countSteps,
  findDrivers,
  routeShape,
  stepKey,
} from '../../../packages/collector/src/insights/drivers.js';

/**
 * Synthetic answers: a planted step raises the low-band share from 15 % to 60 % in the
 * answers that had it; decoy steps are drawn independently of the score.
 */
function synthetic(planted: string, decoys: string[], n: number, seed = 3): AnswerSteps[] {
  const random = prng(seed);
  return Array.from({ length: n }, (_, i) => {
    const steps = decoys.filter(() => random() < 0.3);
    const hit = random() < 0.15;
    if (hit) steps.push(planted);
    const low = random() < (hit ? 0.6 : 0.15);
    return { id: `a${i}`, metric: 'nps', band: low ? 'low' : random() < 0.5 ? 'mid' : 'high', steps };
  });
}

const decoys = [
  stepKey('event', 'add_to_cart'),
  stepKey('event', 'viewed_faq'),
  stepKey('page', '/account'),
  stepKey('route', '/products/*'),
  stepKey('stage', 'interest'),
  stepKey('start', 'discovery'),
];

describe('findDrivers', () => {
  it.each([
    ['a track event', stepKey('event', 'coupon_error')],
    ['a page', stepKey('page', '/checkout/payment')],
    ['a stage', stepKey('stage', 'service')],
    ['a starting stage', stepKey('start', 'touchpoint')],
  ])('ranks a planted %s first, and no decoy is significant', (_what, planted) => {
    const found = findDrivers(countSteps(synthetic(planted, decoys, 1500)));
    const [first] = found;
    expect(`${first?.kind}:${first?.step}`).toBe(planted);
    expect(first?.significant).toBe(true);
    expect(first?.differenceInterval[0]).toBeGreaterThan(0.2);
    expect(first?.ratio).toBeGreaterThan(2.5);
    const decoyDrivers = found.filter((d) => decoys.includes(`${d.kind}:${d.step}`));
    expect(decoyDrivers).toHaveLength(decoys.length);
    expect(decoyDrivers.filter((d) => d.significant)).toEqual([]);
  });

  it('gives a small sample wide intervals and no significance', () => {
    // 30 answers: the planted step is in a handful of them, too few to tell from chance.
    const found = findDrivers(countSteps(synthetic(stepKey('event', 'coupon_error'), decoys, 30)), {
      minSupport: 3,
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((d) => d.significant)).toEqual([]);
    for (const d of found) expect(d.differenceInterval[1] - d.differenceInterval[0]).toBeGreaterThan(0.4);
  });

  it('counts by hand: 3 of 4 low with the step, 1 of 4 without', () => {
    const answers: AnswerSteps[] = [
      ...['low', 'low', 'low', 'high'].map((band, i) => ({
        id: `w${i}`,
        metric: 'csat' as const,
        band: band as 'low',
        steps: ['event:x', 'event:x'],
      })),
      ...['low', 'high', 'high', 'mid'].map((band, i) => ({
        id: `o${i}`,
        metric: 'csat' as const,
        band: band as 'low',
        steps: [],
      })),
    ];
    const [d] = findDrivers(countSteps(answers), { minSupport: 4 });
    expect(d).toMatchObject({ kind: 'event', step: 'x', withN: 4, withLow: 3, withoutN: 4, withoutLow: 1 });
    expect(d?.share).toBe(0.75);
    expect(d?.shareWithout).toBe(0.25);
    expect(d?.ratio).toBe(3);
    expect(d?.impact).toBe(2);
    expect(d?.significant).toBe(false);
  });

  it('leaves out steps below the minimum support, and steps every answer had', () => {
    const answers: AnswerSteps[] = Array.from({ length: 30 }, (_, i) => ({
      id: `a${i}`,
      metric: 'ces',
      band: i % 2 ? 'low' : 'high',
      steps: ['stage:purchase', ...(i < 3 ? ['event:rare'] : [])],
    }));
    expect(findDrivers(countSteps(answers))).toEqual([]);
  });
});

describe('routeShape', () => {
  it.each([
    ['/', '/'],
    ['/cart', '/cart'],
    ['/products/storm-shell', '/products/*'],
    ['/products/storm-shell/reviews?page=2', '/products/*'],
    ['/help#returns', '/help'],
  ])('%s has the shape %s', (path, shape) => {
    expect(routeShape(path)).toBe(shape);
  });
});
