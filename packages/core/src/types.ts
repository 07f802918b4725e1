// The public shapes of @touchpoint/core. The widget and the adapter depend on these and
// on nothing else of the core's internals (STYLE.md, convention 1 and 4).
import type { Metric, Survey } from './config-types.js';
import type { Reason } from './reason.js';

export type {
  Band,
  Localized,
  Metric,
  Survey,
  TouchpointConfig,
  TraitCondition,
  UserConditions,
} from './config-types.js';
export type { Reason, RuleName } from './reason.js';

/** A value that survives `JSON.stringify` → `JSON.parse` unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Properties attached to an event: always reduced to JSON before they are emitted. */
export type Props = Record<string, JsonValue>;

/** Event types that are recorded and delivered to a collector. */
export type EventType =
  | 'page'
  | 'stage'
  | 'track'
  | 'identify'
  | 'survey_shown'
  | 'survey_answered'
  | 'survey_comment'
  | 'survey_dismissed';

/** The survey events, emitted by the widget through {@link Touchpoint.record}. */
export type SurveyEventType = Extract<EventType, `survey_${string}`>;

/** The page an event happened on, with secrets and personal data redacted from the query. */
export interface PageContext {
  url: string;
  path: string;
  title?: string;
  referrer?: string;
}

/** One event, exactly as it goes on the wire. */
export interface JourneyEvent {
  /** Unique; unchanged across retries, so collectors de-duplicate by it. */
  id: string;
  type: EventType;
  // Optional fields may be present as undefined in memory (every event has one shape, which
  // engines keep fast); JSON, and so the wire, leaves them out.
  /** track: the event name, e.g. `order_completed`. */
  name?: string | undefined;
  /** The journey stage this event belongs to, when known. */
  stage?: string | undefined;
  props?: Props | undefined;
  /** Epoch ms when the event was created on the client. */
  ts: number;
  anonymousId: string;
  sessionId: string;
  userId?: string | undefined;
  page: PageContext;
}

/** The signal from the triggers to the widget: this survey should show now. Never sent. */
export interface SurveyDue {
  survey: Survey;
  /** True when forced by `tp.show(id)`, which bypasses sampling, cooldowns and limits. */
  forced: boolean;
}

/** Why a survey is, or is not, eligible on this page right now. */
export interface Explanation {
  id: string;
  eligible: boolean;
  /** The survey's `priority`, when it has one: the overlay picks among explanations as the triggers do. */
  priority?: number;
  /** Every condition of the survey, in a fixed order: `consent` first. */
  reasons: Reason[];
  /**
   * The triggers picked it and its prompt is not on screen yet: it is due in this many ms
   * (0: now, the prompt is coming; more while its `delayMs` runs, after which it is checked again).
   */
  dueInMs?: number;
  /**
   * A page-view survey this page view will not show: the page view has already picked one
   * (its pick, once on screen, included). A page view decides once; the next one decides again.
   */
  decided?: true;
}

/** What listeners receive, by the type they subscribed to. */
export interface ListenerMap {
  '*': (event: JourneyEvent) => void;
  page: (event: JourneyEvent) => void;
  stage: (event: JourneyEvent) => void;
  track: (event: JourneyEvent) => void;
  identify: (event: JourneyEvent) => void;
  survey_shown: (event: JourneyEvent) => void;
  survey_answered: (event: JourneyEvent) => void;
  survey_comment: (event: JourneyEvent) => void;
  survey_dismissed: (event: JourneyEvent) => void;
  /** Local: a survey is due (from the triggers, or forced by `show`). */
  survey_due: (due: SurveyDue) => void;
  /** Local: consent was given (true) or withdrawn (false). */
  consent: (granted: boolean) => void;
  /** Local: a configuration was applied; its `configHash`. The debug overlay refreshes on it. */
  config: (hash: string) => void;
  /** Local: an SPA navigation changed the page's address (before its automatic page view, if any). */
  navigate: () => void;
}

/** The live instance returned by `createTouchpoint()`. No method throws into the caller. */
export interface Touchpoint {
  /** Records a page view (also automatic, SPA navigations included). */
  page(props?: Props): void;
  /** The visitor entered a journey stage. */
  stage(stage: string, props?: Props): void;
  /** A named event; `props.stage` sets the event's stage. */
  track(name: string, props?: Props): void;
  identify(userId: string, traits?: Props): void;
  /** With `requireConsent`: nothing is stored or delivered before `consent(true)`. */
  consent(granted: boolean): void;
  /** Subscribes; returns the function that unsubscribes. */
  on<K extends keyof ListenerMap>(type: K, fn: ListenerMap[K]): () => void;
  /** Forces a survey now, bypassing sampling and limits ("Give feedback" buttons). */
  show(surveyId: string): void;
  /**
   * Each survey: eligible here and now, or why not. With `event`, as judged when that track
   * event happens here now (its stage, when not given, is the page's).
   */
  explain(event?: { name: string; stage?: string | undefined }): Explanation[];
  /**
   * Says the prompt of `surveyId` is off screen, whatever closed it, so other surveys may
   * show. For the widget, on every close path; local to the page, never an event.
   */
  closed(surveyId: string): void;
  /** A new anonymous identity and session (logout). */
  reset(): void;
  /**
   * Records a survey event for the widget: the core adds identity, page, stage and, on
   * `survey_answered`, the journey trail, and updates the survey history.
   */
  record(type: SurveyEventType, props: Props & { surveyId: string; metric: Metric }): void;
  /** True when events may be stored and delivered (consent given, or not required). */
  readonly consented: boolean;
  /**
   * The draft configuration's URL while this tab previews it (`?tp_preview=<url>`), else
   * undefined. In preview, sampling, cooldowns and limits are bypassed, the survey history is
   * not written, and survey events reach their own listeners but not `'*'` (collectors).
   * `exitPreview()` leaves it.
   */
  readonly preview?: string | undefined;
  /**
   * The hash of the configuration in use (what survey events carry as `props.configHash`), once
   * one is applied; the `config` signal says when it changes.
   */
  readonly configHash?: string | undefined;
}
