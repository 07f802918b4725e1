import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  differenceP,
  fisherExact,
  newcombe,
  normalCdf,
  twoProportionP,
  wilson,
} from '../../../packages/collector/src/insights/stats.js';

const round4 = (interval: [number, number]) => interval.map((v) => Math.round(v * 1e4) / 1e4);

describe('wilson', () => {
  // Newcombe RG (1998) Two-sided confidence intervals for the single proportion:
  // comparison of seven methods. Stat Med 17:857–872, Table II, method 3 (score, no CC).
  it.each([
    [81, 263, [0.2553, 0.3662]],
    [15, 148, [0.0624, 0.1605]],
    [0, 20, [0, 0.1611]],
    [1, 29, [0.0061, 0.1718]],
  ] as const)('%i of %i matches Newcombe 1998 Table II', (x, n, expected) => {
    expect(round4(wilson(x, n))).toEqual(expected);
  });

  it('stays inside [0, 1] and holds the observed share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const x = Math.round(f * n);
        const [low, high] = wilson(x, n);
        return low >= 0 && high <= 1 && low <= x / n + 1e-12 && high >= x / n - 1e-12;
      }),
    );
  });

  it('is wide for a small sample and narrow for a large one', () => {
    const [l1, h1] = wilson(1, 4);
    const [l2, h2] = wilson(250, 1000);
    expect(h1 - l1).toBeGreaterThan(0.5);
    expect(h2 - l2).toBeLessThan(0.06);
  });
});

describe('newcombe', () => {
  // Newcombe RG (1998) Interval estimation for the difference between independent
  // proportions: comparison of eleven methods. Stat Med 17:873–890, Table II, method 10.
  it.each([
    [56, 70, 48, 80, [0.0524, 0.3339]],
    [9, 10, 3, 10, [0.1705, 0.809]],
    [6, 7, 2, 7, [0.0582, 0.8062]],
    [5, 56, 0, 29, [-0.0381, 0.1926]],
  ] as const)('%i/%i − %i/%i matches Newcombe 1998 Table II', (x1, n1, x2, n2, expected) => {
    expect(round4(newcombe(x1, n1, x2, n2))).toEqual(expected);
  });

  it('always holds the observed difference', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n1, n2, f1, f2) => {
          const x1 = Math.round(f1 * n1);
          const x2 = Math.round(f2 * n2);
          const [low, high] = newcombe(x1, n1, x2, n2);
          const d = x1 / n1 - x2 / n2;
          return low <= d + 1e-12 && high >= d - 1e-12 && low >= -1 - 1e-12 && high <= 1 + 1e-12;
        },
      ),
    );
  });
});

describe('normalCdf and twoProportionP', () => {
  // Values of scipy.stats.norm.cdf.
  it.each([
    [0, 0.5],
    [1, 0.8413447],
    [1.959964, 0.975],
    [-2.575829, 0.005],
    [3, 0.9986501],
  ])('Φ(%f) = %f', (x, expected) => {
    expect(normalCdf(x)).toBeCloseTo(expected, 6);
  });

  it('gives the p-value of a 2×2 chi-squared test without continuity correction', () => {
    // scipy.stats.chi2_contingency([[56, 14], [48, 32]], correction=False): chi2 = 7.0237, p = 0.008044
    expect(twoProportionP(56, 70, 48, 80)).toBeCloseTo(0.008044, 5);
    expect(twoProportionP(5, 10, 5, 10)).toBe(1);
    expect(twoProportionP(0, 10, 0, 10)).toBe(1);
  });
});

describe('benjaminiHochberg', () => {
  // Benjamini Y, Hochberg Y (1995) Controlling the false discovery rate. J R Stat Soc B
  // 57:289–300, section 4: 15 p-values from a trial; at q = 0.05 BH rejects the 4
  // smallest (Bonferroni only 3).
  const trial = [
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528,
    0.759, 1,
  ];

  it('rejects the four smallest of the 1995 paper’s example', () => {
    expect(benjaminiHochberg(trial).rejected.filter(Boolean)).toHaveLength(4);
    expect(benjaminiHochberg(trial).rejected.slice(0, 4)).toEqual([true, true, true, true]);
  });

  it('keeps the input order and matches R’s p.adjust(p, "BH")', () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02
    const { adjusted } = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted.map((p) => Math.round(p * 1e6) / 1e6)).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  it('never rejects more than the uncorrected test, and adjusted p-values are at least p', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (ps) => {
        const { adjusted, rejected } = benjaminiHochberg(ps);
        return ps.every((p, i) => (adjusted[i] ?? -1) >= p - 1e-15 && (!rejected[i] || p <= 0.05));
      }),
    );
  });
});

describe('fisherExact and differenceP', () => {
  it.each([
    // Fisher's lady tasting tea (R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857)
    [[3, 1, 1, 3], 0.485714],
    // scipy.stats.fisher_exact([[6, 2], [1, 4]]) documentation example: p = 0.1026
    [[6, 2, 1, 4], 0.102564],
    [[5, 0, 0, 5], 0.007937],
  ] as Array<[[number, number, number, number], number]>)('%j has p %f', ([a, b, c, d], expected) => {
    expect(fisherExact(a, b, c, d)).toBeCloseTo(expected, 5);
  });

  it('uses the exact test for a handful of answers and the z test for many', () => {
    expect(differenceP(3, 3, 2, 27)).toBe(fisherExact(3, 0, 2, 25));
    expect(differenceP(56, 70, 48, 80)).toBe(twoProportionP(56, 70, 48, 80));
  });
});
