import { describe, expect, it } from 'vitest';
import { inSample, sampleBucket } from '../../packages/core/src/sample';

const visitors = Array.from({ length: 10_000 }, (_, i) => `anon-${i}`);

describe('sampling', () => {
  it('gives a visitor the same bucket on every call, as on every page load', () => {
    const first = visitors.map((v) => sampleBucket(v, 'checkout-csat'));
    expect(visitors.map((v) => sampleBucket(v, 'checkout-csat'))).toEqual(first);
  });

  it('keeps buckets between 0 and 99.99 with two decimals', () => {
    for (const v of visitors.slice(0, 1000)) {
      const b = sampleBucket(v, 's');
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(100);
      expect(Math.round(b * 100) / 100).toBe(b);
    }
  });

  it.each([0.01, 0.1, 0.2, 0.5, 0.9])(
    'shows a %d-rate survey to that share of 10,000 visitors, within three standard deviations',
    (rate) => {
      const share = visitors.filter((v) => inSample(v, 'nps-home', rate)).length / visitors.length;
      expect(Math.abs(share - rate)).toBeLessThan(3 * Math.sqrt((rate * (1 - rate)) / visitors.length));
    },
  );

  it('shows a rate-0 survey to nobody and a rate-1 survey to everybody', () => {
    expect(visitors.some((v) => inSample(v, 's', 0))).toBe(false);
    expect(visitors.every((v) => inSample(v, 's', 1))).toBe(true);
  });

  it('draws independently per survey, so the same visitors are not always picked', () => {
    const a = visitors.filter((v) => inSample(v, 'survey-a', 0.2));
    const both = a.filter((v) => inSample(v, 'survey-b', 0.2)).length / visitors.length;
    // Independent draws overlap in about 0.2 × 0.2 = 4% of visitors.
    expect(Math.abs(both - 0.04)).toBeLessThan(0.01);
  });

  it('keeps a visitor in a survey when its rate is raised, because the bucket does not move', () => {
    const at10 = visitors.filter((v) => inSample(v, 's', 0.1));
    expect(at10.every((v) => inSample(v, 's', 0.3))).toBe(true);
  });
});
