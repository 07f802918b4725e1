import { describe, expect, it } from 'vitest';
import { isEligible, pickSurvey } from '../../packages/core/src/pick-survey';

describe('pickSurvey', () => {
  it.each<[string, boolean[], number | undefined]>([
    ['the only eligible survey', [false, true, false], 1],
    ['the first eligible survey in configuration order', [false, true, true], 1],
    ['none when no survey is eligible', [false, false], undefined],
    ['none among no surveys', [], undefined],
  ])('picks %s', (_, eligible, winner) => {
    const surveys = eligible.map((_, i) => i);
    expect(pickSurvey(surveys, (i) => eligible[i] === true)).toBe(winner);
  });

  it('judges no survey after the winner', () => {
    const judged: number[] = [];
    pickSurvey([0, 1, 2], (i) => {
      judged.push(i);
      return i === 1;
    });
    expect(judged).toEqual([0, 1]);
  });
});

describe('isEligible', () => {
  it('holds only when every condition holds', () => {
    const reason = (ok: boolean) => ({ rule: 'afterPageViews' as const, ok, actual: 1, needed: 1 });
    expect(isEligible([reason(true), reason(true)])).toBe(true);
    expect(isEligible([reason(true), reason(false)])).toBe(false);
    expect(isEligible([])).toBe(true);
  });
});
