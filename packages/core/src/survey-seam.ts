// The one seam between the instance (create-touchpoint.ts) and the survey triggers
// (triggers.ts): what each offers the other, typed in one place. Dependencies go one way:
// the triggers never see the instance, only what it offers here, and the instance's survey
// methods (`show`, `explain`, `record`, `preview`) are the triggers' own, delegated.
import type { FirstViewWait } from './config-source.js';
import type { MaybeRefused } from './refused.js';
import type { Store } from './store.js';
import type { EventType, Explanation, JourneyEvent, Props, SurveyDue } from './types.js';
import type { Warn } from './warn.js';

/** What the instance offers its survey triggers. */
export interface TriggerHost {
  /** `createTouchpoint({ config })`, as given (the triggers load and validate it). */
  _config: unknown;
  /** The current page's path and the current journey stage (stage() here, else the page's). */
  _where(): { path: string; stage: string | undefined };
  /** The visitor's anonymous id (the sampling seed). */
  _anonymousId(): string;
  /** True when events may be stored and delivered (consent given, or not required). */
  _consented(): boolean;
  /**
   * Emits a local signal (`config`, `survey_due`) to its listeners, consent or not: it is not
   * data. After a `config`, the page's stage is mapped again by the new `stages`.
   */
  _signal(type: 'config' | 'survey_due', payload: string | SurveyDue): void;
  /** Records a survey event (`tp.record`), with the event's props cleaned like any props. */
  _record(type: EventType, props: Props): void;
  /** localStorage with a memory fallback; nothing reaches storage without consent. */
  _store: Store;
  _warn: Warn;
}

/** What the survey triggers give the instance. */
export interface SurveyTriggers {
  /** Every event, in order, as listeners receive it (after consent). */
  _onEvent(event: JourneyEvent): void;
  /** An SPA navigation changed the address: the page view and what waits on it are the last page's. */
  _navigated(): void;
  /** The configured stage of a page path (`stages` globs), if any. */
  _stageFor(path: string): string | undefined;
  /** True for an event that stays with its own listeners, away from '*' (answers in preview). */
  _isLocal(event: JourneyEvent): boolean;
  /**
   * Present when the first page view must wait (a configuration URL without a cached copy):
   * called when the view is due, it settles once the configuration has been applied, or
   * FIRST_VIEW_WAIT_MS later, so the view carries the stage the configuration maps its path to.
   */
  _firstViewReady: FirstViewWait | undefined;
  /** `tp.show(id)`. */
  _show(surveyId: string): void;
  /** `tp.closed(id)`: the widget says that survey's prompt is off screen. Local, never an event. */
  _closed(surveyId: string): void;
  /** `tp.explain(event?)`. */
  _explain(event?: { name: string; stage?: string | undefined }): Explanation[];
  /** `tp.record(type, props)`. */
  _recordSurveyEvent(type: unknown, props: unknown): MaybeRefused;
  /** `tp.preview`: the draft's URL while this tab previews one. */
  _preview(): string | undefined;
  /** `tp.configHash`: the hash of the configuration in use, once one is applied. */
  _hash(): string | undefined;
}
