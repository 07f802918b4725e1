import { describe, expect, it } from 'vitest';
import { decideMoment, dueAfterWait } from '../../packages/core/src/decide-moment';
import { indexSurveys } from '../../packages/core/src/survey-index';
import type { Moment } from '../../packages/core/src/trigger-state';
import type { Survey } from '../../packages/core/src/types';

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

describe('dueAfterWait', () => {
  const page: Survey = { id: 'page', metric: 'nps', question: 'Q?', when: { delayMs: 10 } };
  const ordered: Survey = {
    id: 'ordered',
    metric: 'nps',
    question: 'Q?',
    when: { event: 'buy', delayMs: 10 },
  };
  const config = [page, ordered];
  it.each<[string, Survey[], string, Moment, (s: Survey) => boolean, Survey | undefined]>([
    ["gives the page view's pick, still eligible", config, 'page', undefined, all, page],
    ["gives an event's pick, still eligible", config, 'ordered', { name: 'buy' }, all, ordered],
    ['gives none when it is no longer eligible', config, 'page', undefined, () => false, undefined],
    ['gives none when the configuration in use dropped it', [ordered], 'page', undefined, all, undefined],
    [
      'gives none when the configuration moved it to another moment',
      [{ ...page, when: { event: 'buy' } }],
      'page',
      undefined,
      all,
      undefined,
    ],
  ])('%s', (_, surveys, id, moment, eligible, expected) => {
    const state = { _config: { version: 1 as const, surveys }, _index: indexSurveys(surveys) };
    expect(dueAfterWait(state, id, moment, eligible)).toBe(expected);
  });
});
