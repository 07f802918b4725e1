import { STAGES as CORE_STAGES } from '@touchpoint/core';
import {
  band,
  funnel,
  isValidScore,
  roundHalfAway,
  type ScoreCount,
  STAGES,
  summarize,
} from '../../../packages/collector/src/insights/metrics.js';
import {
  daysBetween,
  markerEffects,
  noAnswers,
  rollup,
  trailing,
} from '../../../packages/collector/src/insights/rollup.js';

/** Score counts from a list of scores: [9, 9, 3] → 9×2, 3×1. */
const counts = (scores: number[]): ScoreCount[] => {
  const map = new Map<number, number>();
  for (const s of scores) map.set(s, (map.get(s) ?? 0) + 1);
  return [...map].map(([score, n]) => ({ score, n }));
};

describe('summarize', () => {
  // Each row computed by hand: promoters 9–10, detractors 0–6 (SPEC bands).
  it.each([
    ['1 promoter, 7 passives: 12.5 rounds away from zero to +13', [10, 7, 7, 7, 8, 8, 8, 7], 13],
    ['1 detractor, 7 passives: −12.5 rounds away from zero to −13', [0, 7, 7, 7, 8, 8, 8, 7], -13],
    ['2 promoters, 1 detractor of 3: 33.3 → +33', [9, 10, 6], 33],
    ['1 promoter, 2 detractors of 3: −33.3 → −33', [9, 5, 6], -33],
    ['2 promoters, 1 detractor of 6: 16.67 → +17', [9, 9, 6, 7, 8, 7], 17],
    ['as many promoters as detractors: 0, not −0', [9, 0], 0],
    ['all promoters: +100', [9, 10, 10], 100],
    ['all detractors: −100', [0, 1, 6], -100],
  ])('NPS: %s', (_name, scores, nps) => {
    const s = summarize('nps', counts(scores));
    expect(s.value).toBe(nps);
    expect(Object.is(s.value, -0)).toBe(false);
    expect(s.n).toBe(scores.length);
  });

  it('NPS counts promoters, passives and detractors by band', () => {
    expect(summarize('nps', counts([0, 6, 7, 8, 9, 10, 10]))).toEqual({
      metric: 'nps',
      n: 7,
      invalid: 0,
      value: 14, // (3 − 2) / 7 = 14.29
      low: 2,
      mid: 2,
      high: 3,
    });
  });

  it.each([
    ['4 and 5 count, 3 does not: 2 of 3 → 67%', [5, 4, 3], 67],
    ['1 of 8 satisfied: 12.5% → 13%', [4, 1, 1, 2, 2, 3, 3, 3], 13],
    ['nobody satisfied: 0%', [1, 2, 3], 0],
    ['everyone satisfied: 100%', [4, 5], 100],
  ])('CSAT: %s', (_name, scores, csat) => {
    expect(summarize('csat', counts(scores)).value).toBe(csat);
  });

  it.each([
    ['mean of 7, 6, 5 is 6.0', [7, 6, 5], 6],
    ['mean of 1, 2 is 1.5', [1, 2], 1.5],
    ['mean of 5, 5, 6 is 5.33 → 5.3', [5, 5, 6], 5.3],
    ['mean of 4, 5, 5, 5, 5, 5, 5, 7 is 5.125 → 5.1', [4, 5, 5, 5, 5, 5, 5, 7], 5.1],
    ['mean of 3, 4, 4, 4 is 3.75 → 3.8', [3, 4, 4, 4], 3.8],
  ])('CES: %s', (_name, scores, ces) => {
    expect(summarize('ces', counts(scores)).value).toBe(ces);
  });

  it.each(['nps', 'csat', 'ces'] as const)('%s of no answers is null ("no data"), never NaN', (metric) => {
    const s = summarize(metric, []);
    expect(s.value).toBeNull();
    expect(s.n).toBe(0);
  });

  it('leaves out scores off the scale or not whole, and counts them as invalid', () => {
    const s = summarize('csat', counts([5, 0, 6, 4.5, -1, Number.NaN]));
    expect(s).toMatchObject({ n: 1, invalid: 5, value: 100 });
    expect(summarize('ces', counts([8, 0])).value).toBeNull();
    expect(summarize('nps', counts([11])).value).toBeNull();
  });
});

describe('bands and rounding', () => {
  it.each([
    ['nps', 0, 'low'],
    ['nps', 6, 'low'],
    ['nps', 7, 'mid'],
    ['nps', 8, 'mid'],
    ['nps', 9, 'high'],
    ['csat', 2, 'low'],
    ['csat', 3, 'mid'],
    ['csat', 4, 'high'],
    ['ces', 3, 'low'],
    ['ces', 4, 'mid'],
    ['ces', 5, 'high'],
    ['nps', 11, undefined],
    ['csat', 0, undefined],
    ['ces', 3.5, undefined],
    ['other', 5, undefined],
  ] as const)('%s score %s is in band %s', (metric, score, expected) => {
    expect(band(metric, score)).toBe(expected);
    expect(isValidScore(metric, score)).toBe(expected !== undefined);
  });

  it.each([
    [12.5, 0, 13],
    [-12.5, 0, -13],
    [-0.4, 0, 0],
    [5.25, 1, 5.3],
    [-5.25, 1, -5.3],
    [1 / 3, 1, 0.3],
  ])('rounds %s to %s digits as %s', (value, digits, expected) => {
    expect(roundHalfAway(value, digits)).toBe(expected);
  });
});

describe('funnel', () => {
  it('keeps the core STAGES order', () => {
    expect(STAGES).toEqual(CORE_STAGES);
  });

  it('lists every stage in STAGES order, custom stages after by size, with shares and what went on', () => {
    const rows = funnel(
      { touchpoint: 100, discovery: 60, interest: 80, purchase: 40, churn: 5, onboarding: 3, wishlist: 9 },
      { touchpoint: 60, interest: 80, purchase: 30 },
    );
    expect(rows).toEqual([
      { stage: 'discovery', visitors: 60, share: 60, kept: null },
      // All 60 who came through discovery reached touchpoint: 100%, not 100/60.
      { stage: 'touchpoint', visitors: 100, share: 100, kept: 100 },
      { stage: 'interest', visitors: 80, share: 80, kept: 80 },
      { stage: 'purchase', visitors: 40, share: 40, kept: 38 }, // 30 / 80 = 37.5
      { stage: 'use', visitors: 0, share: 0, kept: 0 },
      { stage: 'service', visitors: 0, share: 0, kept: null },
      { stage: 'advocacy', visitors: 0, share: 0, kept: null },
      { stage: 'churn', visitors: 5, share: 5, kept: null },
      { stage: 'wishlist', visitors: 9, share: 9, kept: null },
      { stage: 'onboarding', visitors: 3, share: 3, kept: null },
    ]);
  });

  it('gives no shares, not NaN, when nobody came', () => {
    const rows = funnel({});
    expect(rows).toHaveLength(8);
    for (const row of rows) expect(row).toMatchObject({ visitors: 0, share: null });
  });
});

describe('rollups', () => {
  const rows = [
    { day: '2026-01-01', stage: 'use', metric: 'nps', score: 10, n: 3 },
    { day: '2026-01-01', stage: 'use', metric: 'nps', score: 2, n: 1 },
    { day: '2026-01-03', stage: 'purchase', metric: 'csat', score: 5, n: 1 },
    { day: '2026-01-03', stage: 'purchase', metric: 'csat', score: 1, n: 1 },
    { day: '2026-01-03', stage: 'use', metric: 'nps', score: 0, n: 4 },
    { day: '2026-01-03', stage: 'use', metric: 'bogus', score: 0, n: 4 },
  ];

  it('summarizes each metric of each group and ignores unknown metrics', () => {
    const byStage = rollup(rows, (r) => r.stage);
    expect([...byStage.keys()]).toEqual(['use', 'purchase']);
    expect(byStage.get('use')?.nps).toMatchObject({ n: 8, value: -25 }); // 3 promoters, 5 detractors: −2 / 8
    expect(byStage.get('use')?.csat.value).toBeNull();
    expect(byStage.get('purchase')?.csat).toMatchObject({ n: 2, value: 50 });
  });

  it('lists every day between the first and the last, gaps included', () => {
    expect(daysBetween('2025-12-30', '2026-01-02')).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
    expect(daysBetween(undefined, undefined)).toEqual([]);
  });

  it('pools the trailing window: answers of the days in it together, not a mean of daily values', () => {
    const days = daysBetween('2026-01-01', '2026-01-03');
    const trend = trailing(rows, days, 2);
    expect(trend.get('2026-01-01')?.nps).toMatchObject({ n: 4, value: 50 }); // 3 promoters, 1 detractor
    expect(trend.get('2026-01-02')?.nps).toMatchObject({ n: 4, value: 50 }); // 01-01 and 01-02
    expect(trend.get('2026-01-03')?.nps).toMatchObject({ n: 4, value: -100 }); // 01-02 and 01-03 only
    expect(trend.get('2026-01-02')?.csat.value).toBeNull();
  });

  it('compares answers after a trail marker with all answers, leaving out rare and universal markers', () => {
    const overall = noAnswers();
    overall.nps = { metric: 'nps', n: 10, invalid: 0, value: 20, low: 2, mid: 4, high: 4 };
    const effects = markerEffects(
      [
        { marker: 'help_unresolved', metric: 'nps', score: 2, n: 4 },
        { marker: 'help_unresolved', metric: 'nps', score: 9, n: 1 },
        { marker: 'rare', metric: 'nps', score: 0, n: 2 },
        { marker: 'everyone', metric: 'nps', score: 8, n: 10 },
      ],
      overall,
    );
    expect(effects).toEqual([
      {
        marker: 'help_unresolved',
        metric: 'nps',
        summary: expect.objectContaining({ n: 5, value: -60 }),
        delta: -80,
      },
    ]);
  });
});
