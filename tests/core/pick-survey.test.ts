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

describe('pickSurvey with priorities', () => {
  const s = (id: string, priority?: number) => ({ id, ...(priority !== undefined && { priority }) });
  it.each<[string, { id: string; priority?: number }[], string[], string | undefined]>([
    ['the higher priority over file order', [s('a'), s('b', 5)], ['a', 'b'], 'b'],
    ['file order among equal priorities', [s('a', 2), s('b', 2)], ['a', 'b'], 'a'],
    ['file order when none has a priority', [s('a'), s('b')], ['a', 'b'], 'a'],
    ['a survey without priority over a negative one', [s('a', -1), s('b')], ['a', 'b'], 'b'],
    ['the highest eligible one, not the highest', [s('a', 9), s('b', 5), s('c', 1)], ['b', 'c'], 'b'],
    ['a fractional priority', [s('a', 1), s('b', 1.5)], ['a', 'b'], 'b'],
    ['none when the prioritised one is not eligible and no other is', [s('a', 3)], [], undefined],
  ])('picks %s', (_, surveys, eligible, winner) => {
    expect(pickSurvey(surveys, (one) => eligible.includes(one.id))?.id).toBe(winner);
  });

  it('judges from the highest priority down, and none after the winner', () => {
    const judged: string[] = [];
    pickSurvey([s('a'), s('b', 3), s('c', 1), s('d', 3)], (one) => {
      judged.push(one.id);
      return one.id === 'c';
    });
    expect(judged).toEqual(['b', 'd', 'c']);
  });

  it('leaves the list it was given in file order', () => {
    const surveys = [s('a'), s('b', 3)];
    pickSurvey(surveys, () => false);
    expect(surveys.map((one) => one.id)).toEqual(['a', 'b']);
  });
});
