// What the survey triggers (triggers.ts) know, in one typed record changed only by their
// `apply` (a configuration) and `_onEvent` (an event); the rules they judge it with are pure.
import { NO_PROMPT, type PromptState } from './prompt.js';
import { indexSurveys, type SurveyIndex } from './survey-index.js';
import type { Survey, TouchpointConfig } from './types.js';

/** The event a survey is judged at: a tracked event's name and stage; none for a page view. */
export type Moment = { name: string; stage?: string | undefined } | undefined;

/**
 * What happened before the first configuration was applied, kept for it (at most this many
 * of each): events count for the surveys of their page, and `show()` calls run, once.
 */
export const EARLY_LIMIT = 20;

export interface TriggerState {
  /** The validated configuration in use. */
  _config: TouchpointConfig;
  /** Its `configHash`, once one is applied; survey events carry it. */
  _hash: string | undefined;
  /** The session of the last event. */
  _sessionId: string;
  _prompt: PromptState;
  /** The draft's URL while this tab previews one. */
  _preview: string | undefined;
  /** The configuration's surveys by the moment that decides them. */
  _index: SurveyIndex;
  /** The page view being shown, once its event has arrived. */
  _view: string | undefined;
  /** A page-view survey was picked on this page view: it is decided, once. */
  _viewDecided: boolean;
  /**
   * The last pick, of the page view or of an event, until its prompt is on screen (or its wait
   * ends without it, or a page view comes): explain() says it is due.
   */
  _pick: string | undefined;
  /**
   * The page's last pick (of the page view or of an event) while it waits for its `delayMs`:
   * it keeps its place by priority and configuration order, so a pick that ranks lower is
   * dropped, and one that ranks higher takes its place (this one's wait is cancelled).
   */
  _waiting: Survey | undefined;
  /** Events and `show()` ids from before the first configuration; undefined once it is applied. */
  _early: { _moments: { moment: NonNullable<Moment>; path: string }[]; _shows: string[] } | undefined;
  /** Surveys due by `show()` and not yet shown: their `survey_shown` is not automatic. */
  _forced: Set<string>;
}

/** The visitor left the page (an SPA navigation, or the next page view): its decisions end with it. */
export function pageLeft(state: TriggerState): void {
  state._view = undefined;
  state._viewDecided = false;
  state._pick = state._waiting = undefined;
}

/** Before any configuration: no surveys, and a place for what comes before the first one. */
export const startingState = (): TriggerState => ({
  _config: { version: 1 },
  _hash: undefined,
  _sessionId: '',
  _prompt: NO_PROMPT,
  _preview: undefined,
  _index: indexSurveys([]),
  _view: undefined,
  _viewDecided: false,
  _pick: undefined,
  _waiting: undefined,
  _early: { _moments: [], _shows: [] },
  _forced: new Set(),
});
