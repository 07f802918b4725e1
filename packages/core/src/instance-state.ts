// What an instance is made of: its parts, and the one record of what changes over time.
// Fields named `_like_this` are internal: the build gives them short names (rollup.config.mjs).
import type { Emitter } from './emitter.js';
import type { Identity } from './identity.js';
import type { StageState } from './page-stage.js';
import type { PageTracker } from './page-tracker.js';
import type { Store } from './store.js';
import type { SurveyTriggers } from './survey-seam.js';
import type { JourneyEvent } from './types.js';
import type { Warn } from './warn.js';

/** What changes over an instance's life. */
export interface InstanceState {
  /** The visitor's ids, as every event carries them (changed only through identity.ts). */
  _identity: Identity;
  /** True when events may be stored and delivered (consent given, or not required). */
  _consented: boolean;
  /** Events waiting for consent, oldest first. */
  _held: JourneyEvent[];
  _stage: StageState;
  /** The URL of the last page view, so an automatic one is never sent twice for one URL. */
  _lastView: string | undefined;
}

/** An instance's parts, as the functions that act on it take them. */
export interface Instance {
  _state: InstanceState;
  _store: Store;
  _emitter: Emitter;
  _page: PageTracker;
  _triggers: SurveyTriggers;
  _warn: Warn;
}
