import { describe, expect, it } from 'vitest';
import {
  median,
  type PersonActivity,
  retention,
} from '../../../packages/collector/src/insights/retention.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 6, 1);
const END = T0 + 120 * DAY;

const who = (band: 'low' | 'mid' | 'high', answeredDay: number, sessionDays: number[]): PersonActivity => ({
  person: `${band}${answeredDay}${sessionDays.join('-')}`,
  firstSeen: T0 + Math.min(answeredDay, ...sessionDays) * DAY,
  lastSeen: T0 + Math.max(answeredDay, ...sessionDays) * DAY,
  sessions: sessionDays.map((d) => T0 + d * DAY),
  firstNps: { ts: T0 + answeredDay * DAY, band },
});

describe('retention', () => {
  // Promoters: three answered on day 0; two came back on day 40 and 100; one never.
  // One more promoter answered on day 100: not yet eligible for 30 or 90 days.
  // Detractors: two answered on day 0; one came back on day 31, neither after day 90.
  const people = [
    who('high', 0, [0, 40, 100]),
    who('high', 0, [0, 100]),
    who('high', 0, [0]),
    who('high', 100, [100]),
    who('low', 0, [0, 31]),
    who('low', 0, [0]),
  ];
  const [low, mid, high] = retention(people, END);

  it('counts returns only among people whose answer is old enough', () => {
    expect(high?.back).toEqual([
      { days: 30, eligible: 3, returned: 2, share: 2 / 3 },
      { days: 90, eligible: 3, returned: 2, share: 2 / 3 },
    ]);
    expect(low?.back).toEqual([
      { days: 30, eligible: 2, returned: 1, share: 1 / 2 },
      { days: 90, eligible: 2, returned: 0, share: 0 },
    ]);
    expect(mid).toEqual({
      band: 'mid',
      people: 0,
      back: [
        { days: 30, eligible: 0, returned: 0, share: null },
        { days: 90, eligible: 0, returned: 0, share: null },
      ],
      medianDays: null,
    });
  });

  it('gives the median relationship length per band', () => {
    // promoters: 100, 100, 0, 0 days → 50; detractors: 31 and 0 → 15.5
    expect(high?.medianDays).toBe(50);
    expect(low?.medianDays).toBe(15.5);
  });

  it('leaves out people who gave no NPS', () => {
    const none = { ...who('high', 0, [0, 50]), firstNps: null };
    expect(retention([none], END).map((b) => b.people)).toEqual([0, 0, 0]);
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
