import type { Store } from './store.js';
import type { Explanation, JourneyEvent, SurveyDue } from './types.js';
import type { Warn } from './warn.js';

/**
 * What an instance offers its survey triggers: the single seam between createTouchpoint
 * and the triggers (issue 3). Everything here respects consent already.
 */
export interface Host {
  /** `createTouchpoint({ config })`, as given (the triggers validate it). */
  _config: unknown;
  /** Emits `survey_due` to listeners; dropped while consent is missing. */
  _due(due: SurveyDue): void;
  /** The current page's path and the current journey stage (stage() here, else the page's). */
  _where(): { path: string; stage: string | undefined };
  /** Page views in the current session, this one included. */
  _views(): number;
  /** False while consent is required and not given, so `explain()` can name it. */
  _consented(): boolean;
  /** The visitor's anonymous id (the sampling seed). */
  _aid(): string;
  _now(): number;
  /** Emits a local signal (`config`) to its listeners, consent or not: it is not data. */
  _emit(type: 'config', payload: string): void;
  /** localStorage with a memory fallback; nothing reaches storage without consent. */
  _store: Store;
  _warn: Warn;
}

/** What the triggers give back to the instance. */
export interface Triggers {
  /** Every event, in order, as listeners receive it (after consent). */
  _event(event: JourneyEvent): void;
  /** The configured stage of a page path (`stages` globs), if any. */
  _stageFor(path: string): string | undefined;
  /** `tp.show(id)`. */
  _show(surveyId: string): void;
  /** `tp.explain()`. */
  _explain(): Explanation[];
  /** `configHash` of the validated configuration in use, once one is applied; survey events carry it. */
  _hash?: string;
  /** The draft's URL while this tab previews one (see `Touchpoint.preview`). */
  _preview?: string | undefined;
  /** Settles once a configuration URL without a cached copy has been applied: the first page view waits for it, so it carries the stage the configuration maps its path to. */
  _ready?: Promise<unknown>;
}
