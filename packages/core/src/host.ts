import type { Store } from './store.js';
import type { EventType, JourneyEvent, Props, SurveyDue } from './types.js';
import type { Warn } from './warn.js';

/**
 * What a method returns when it refused its arguments: the instance's wrapper then warns. In
 * production builds that is one message per method; development builds say which argument
 * and why before returning it (see types/dev.d.ts).
 */
export const REFUSED = 1;

/**
 * What an instance offers its survey triggers: the single seam between createTouchpoint
 * and the triggers (issue 3). The triggers also get the instance itself, to add the survey
 * methods and read `consented`.
 */
export interface Host {
  /** `createTouchpoint({ config })`, as given (the triggers validate it). */
  _config: unknown;
  /** The current page's path and the current journey stage (stage() here, else the page's). */
  _where(): { path: string; stage: string | undefined };
  /** The visitor's anonymous id (the sampling seed). */
  _aid(): string;
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

/** What the triggers give back to the instance. */
export interface Triggers {
  /** Every event, in order, as listeners receive it (after consent). */
  _event(event: JourneyEvent): void;
  /** The configured stage of a page path (`stages` globs), if any. */
  _stageFor(path: string): string | undefined;
  /** True for an event that stays with its own listeners, away from '*' (answers in preview). */
  _local?(event: JourneyEvent): boolean;
  /** `configHash` of the validated configuration in use, once one is applied; survey events carry it. */
  _hash?: string;
  /** The draft's URL while this tab previews one (see `Touchpoint.preview`). */
  _preview?: string | undefined;
  /**
   * Called when the first page view is due; settles when it may go: once a configuration URL
   * without a cached copy has been applied, or FIRST_VIEW_WAIT_MS later, so it carries the
   * stage the configuration maps its path to.
   */
  _ready?(): Promise<unknown>;
}
