import { describe, expect, it } from 'vitest';
import { NO_PROMPT, type PromptState, promptAfter, promptClosed } from '../../packages/core/src/prompt';
import type { EventType } from '../../packages/core/src/types';

const open = (id: string, answered = false): PromptState => ({ _open: id, _answered: answered });

describe('promptAfter', () => {
  it.each<[string, PromptState, EventType, string | undefined, PromptState]>([
    ['opens on survey_shown', NO_PROMPT, 'survey_shown', 'a', open('a')],
    ['a new shown replaces the open one', open('a', true), 'survey_shown', 'b', open('b')],
    ['keeps an answered prompt open for its follow-up', open('a'), 'survey_answered', 'a', open('a', true)],
    [
      'closes on survey_dismissed',
      open('a'),
      'survey_dismissed',
      'a',
      { _open: undefined, _answered: false },
    ],
    [
      'closes on survey_comment',
      open('a', true),
      'survey_comment',
      'a',
      { _open: undefined, _answered: true },
    ],
    ['ignores events about another survey', open('a'), 'survey_dismissed', 'b', open('a')],
    [
      'ends an answered prompt on a new page',
      open('a', true),
      'page',
      undefined,
      { _open: undefined, _answered: true },
    ],
    ['keeps an unanswered prompt across a page view', open('a'), 'page', undefined, open('a')],
    ['ignores track events', open('a'), 'track', undefined, open('a')],
    ['ignores a dismissal with nothing open', NO_PROMPT, 'survey_dismissed', 'a', NO_PROMPT],
  ])('%s', (_, before, type, surveyId, after) => {
    expect(promptAfter(before, type, surveyId)).toEqual(after);
  });
});

describe('promptClosed', () => {
  it.each<[string, PromptState, string, PromptState]>([
    ['closes the open prompt', open('a'), 'a', NO_PROMPT],
    ['closes an answered prompt whose follow-up was sent empty', open('a', true), 'a', NO_PROMPT],
    ['leaves another survey open', open('a'), 'b', open('a')],
    ['changes nothing with nothing open', NO_PROMPT, 'a', NO_PROMPT],
  ])('%s', (_, before, surveyId, after) => {
    expect(promptClosed(before, surveyId)).toEqual(after);
  });
});
