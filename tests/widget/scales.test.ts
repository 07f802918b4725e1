import { SCALES } from '@touchpoint/widget';
import { describe, expect, it } from 'vitest';
import { scores } from '../../packages/widget/src/scales';

describe('scales', () => {
  it('uses the conventional ranges: NPS 0–10, CSAT 1–5, CES 1–7', () => {
    expect(SCALES).toEqual({ nps: [0, 10], csat: [1, 5], ces: [1, 7] });
  });

  it('lists every score of a scale, lowest first', () => {
    expect(scores('nps')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scores('csat')).toEqual([1, 2, 3, 4, 5]);
    expect(scores('ces')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
