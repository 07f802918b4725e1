import type { SurveyEventType } from '@touchpoint/core';

/** Where a person is in the prompt; `survey_dismissed` reports it as `step` (never `thanks`). */
export type Step = 'score' | 'comment' | 'thanks';

/** The prompt's state: its step, and the score once one was chosen. */
export interface PromptState {
  step: Step;
  score?: number | undefined;
}

/** What a person does in the prompt; `dismiss` also stands for the prompt going away under them (`destroy()`). */
export type PromptAction =
  | { type: 'choose'; score: number }
  | { type: 'change' }
  | { type: 'send'; comment: string }
  | { type: 'dismiss' };

/** The state after an action, what to record (besides surveyId and metric), and whether the prompt closes. */
export interface Transition {
  state: PromptState;
  record?: { type: SurveyEventType; props: Record<string, string | number> };
  close?: boolean;
}

export const FIRST_STATE: PromptState = { step: 'score' };

/** The prompt's rules: score → follow-up (the score can be changed) → thank-you. Pure. */
export function nextState(state: PromptState, action: PromptAction): Transition {
  const { step, score } = state;
  switch (action.type) {
    case 'choose':
      if (step !== 'score') return { state };
      // A new score is a new answer (the latest counts); the same score again only moves on.
      return {
        state: { step: 'comment', score: action.score },
        ...(action.score !== score && {
          record: { type: 'survey_answered', props: { score: action.score } },
        }),
      };
    case 'change':
      return step === 'comment' ? { state: { step: 'score', score } } : { state };
    case 'send':
      if (step !== 'comment' || score === undefined) return { state };
      // An empty box is a finished answer, not a comment: nothing to record.
      return {
        state: { step: 'thanks', score },
        ...(action.comment && {
          record: { type: 'survey_comment', props: { score, comment: action.comment } },
        }),
      };
    case 'dismiss':
      // Closing the thank-you is not a dismissal: the survey was finished.
      return {
        state,
        close: true,
        ...(step !== 'thanks' && { record: { type: 'survey_dismissed', props: { step } } }),
      };
  }
}
