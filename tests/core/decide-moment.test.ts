import { describe, expect, it } from 'vitest';
import { decideMoment } from '../../packages/core/src/decide-moment';

type S = { id: string; priority?: number };
const a: S = { id: 'a' };
const b: S = { id: 'b' };
const high: S = { id: 'high', priority: 2 };
const surveys = [a, b, high];
const all = () => true;

describe('decideMoment', () => {
  it.each<[string, S[], (s: S) => boolean, S | undefined, S | undefined]>([
    ['picks as pickSurvey does when nothing waits', [a, b], all, undefined, a],
    ['skips what is not eligible', [a, b], (s) => s !== a, undefined, b],
    ['picks nothing when none is eligible', [a, b], () => false, undefined, undefined],
    ['lets the waiting pick keep its place before a survey after it in the file', [b], all, a, undefined],
    ['lets a survey of higher priority overtake the waiting pick', [high], all, a, high],
    ['lets a survey before the waiting pick in the file overtake it', [a], all, b, a],
    ['picks the waiting survey itself again (its timer already runs)', [a], all, a, a],
  ])('%s', (_, candidates, eligible, waiting, expected) => {
    expect(decideMoment(candidates, eligible, waiting, surveys)).toBe(expected);
  });
});
