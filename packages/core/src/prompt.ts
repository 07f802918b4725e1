// The prompt on screen, as the survey events report it: one prompt at a time. Pure.
import type { EventType } from './types.js';

/**
 * The survey whose prompt is on screen, from its `survey_shown`. Not from survey_due, which
 * may be dropped (no consent, another prompt open, the widget still loading) and must leave
 * nothing behind.
 */
export interface PromptState {
  /** The survey whose prompt is open, if any. */
  _open: string | undefined;
  /** The open prompt was answered: its follow-up is still on screen, but may close without an event. */
  _answered: boolean;
}

export const NO_PROMPT: PromptState = { _open: undefined, _answered: false };

/** The prompt after an event of `type` (for survey events, about `surveyId`). */
export function promptAfter(state: PromptState, type: EventType, surveyId: unknown): PromptState {
  const isOpen = state._open !== undefined && state._open === surveyId;
  switch (type) {
    // The widget's follow-up ends with survey_comment or survey_dismissed, or silently (an
    // empty comment, then the thank-you closes by itself): a new page ends the wait.
    case 'page':
      return state._answered ? { ...state, _open: undefined } : state;
    case 'survey_shown':
      return { _open: surveyId as string, _answered: false };
    // Answered, the prompt stays for its follow-up.
    case 'survey_answered':
      return isOpen ? { ...state, _answered: true } : state;
    // Dismissed, it is gone; commented, only the thank-you is left, which closes by itself.
    case 'survey_dismissed':
    case 'survey_comment':
      return isOpen ? { ...state, _open: undefined } : state;
    default:
      return state;
  }
}

/**
 * The prompt after the widget says the prompt of `surveyId` is off screen, whatever closed
 * it (Send with an empty follow-up, the thank-you closing, the widget destroyed): local, no
 * event. Another survey's close leaves the open one open.
 */
export const promptClosed = (state: PromptState, surveyId: unknown): PromptState =>
  state._open !== undefined && state._open === surveyId ? NO_PROMPT : state;
