import { describe, expect, it } from 'vitest';
import {
  FIRST_STATE,
  nextState,
  type PromptAction,
  type PromptState,
} from '../../packages/widget/src/prompt-state';

const rows: [string, PromptState, PromptAction, ReturnType<typeof nextState>][] = [
  [
    'a first score is an answer',
    FIRST_STATE,
    { type: 'choose', score: 9 },
    { state: { step: 'comment', score: 9 }, record: { type: 'survey_answered', props: { score: 9 } } },
  ],
  [
    'changing the score goes back to the scale, keeping it',
    { step: 'comment', score: 9 },
    { type: 'change' },
    { state: { step: 'score', score: 9 } },
  ],
  [
    'another score is a new answer',
    { step: 'score', score: 9 },
    { type: 'choose', score: 6 },
    { state: { step: 'comment', score: 6 }, record: { type: 'survey_answered', props: { score: 6 } } },
  ],
  [
    'the same score again only moves on',
    { step: 'score', score: 9 },
    { type: 'choose', score: 9 },
    { state: { step: 'comment', score: 9 } },
  ],
  [
    'a comment is recorded with its score',
    { step: 'comment', score: 6 },
    { type: 'send', comment: 'Slow' },
    {
      state: { step: 'thanks', score: 6 },
      record: { type: 'survey_comment', props: { score: 6, comment: 'Slow' } },
    },
  ],
  [
    'an empty comment thanks without recording',
    { step: 'comment', score: 6 },
    { type: 'send', comment: '' },
    { state: { step: 'thanks', score: 6 } },
  ],
  [
    'dismissing the scale says so',
    FIRST_STATE,
    { type: 'dismiss' },
    { state: FIRST_STATE, close: true, record: { type: 'survey_dismissed', props: { step: 'score' } } },
  ],
  [
    'dismissing the follow-up says so',
    { step: 'comment', score: 3 },
    { type: 'dismiss' },
    {
      state: { step: 'comment', score: 3 },
      close: true,
      record: { type: 'survey_dismissed', props: { step: 'comment' } },
    },
  ],
  [
    'closing the thank-you is no dismissal',
    { step: 'thanks', score: 3 },
    { type: 'dismiss' },
    { state: { step: 'thanks', score: 3 }, close: true },
  ],
  [
    'a score after the follow-up opened is ignored',
    { step: 'comment', score: 3 },
    { type: 'choose', score: 1 },
    { state: { step: 'comment', score: 3 } },
  ],
  ['send on the scale is ignored', FIRST_STATE, { type: 'send', comment: 'x' }, { state: FIRST_STATE }],
  [
    'change on the thank-you is ignored',
    { step: 'thanks', score: 3 },
    { type: 'change' },
    { state: { step: 'thanks', score: 3 } },
  ],
];

describe('nextState', () => {
  it.each(rows)('%s', (_name, state, action, expected) => {
    expect(nextState(state, action)).toEqual(expected);
  });
});
