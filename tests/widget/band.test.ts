import { band } from '@touchpoint/widget';
import { describe, expect, it } from 'vitest';

describe('band', () => {
  it.each([
    ['nps', 0, 'low'],
    ['nps', 6, 'low'],
    ['nps', 7, 'mid'],
    ['nps', 8, 'mid'],
    ['nps', 9, 'high'],
    ['nps', 10, 'high'],
    ['csat', 1, 'low'],
    ['csat', 2, 'low'],
    ['csat', 3, 'mid'],
    ['csat', 4, 'high'],
    ['csat', 5, 'high'],
    ['ces', 1, 'low'],
    ['ces', 3, 'low'],
    ['ces', 4, 'mid'],
    ['ces', 5, 'high'],
    ['ces', 7, 'high'],
  ] as const)('puts %s score %i in the %s band', (metric, score, expected) => {
    expect(band(metric, score)).toBe(expected);
  });
});
