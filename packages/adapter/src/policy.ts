// The delivery policy (SPEC "Wire format"): what to do after each answer of the collector, as a
// pure function of a small state and the answer. Its table test is its specification.
import { retryDelay } from './backoff.js';

/**
 * An event that failed alone, set aside while the events behind it go first. It is dropped when
 * it fails alone again after the collector acknowledged other events: then the collector works,
 * and only this event is refused. While everything fails (an outage), nothing is dropped.
 */
export interface Suspect {
  _key: IDBValidKey;
  /** The collector acknowledged other events since this one failed alone. */
  _othersAcknowledged: boolean;
}

// Fields start with `_`: internal, so the build gives them short names (rollup.config.mjs).

/** What delivery remembers between requests. */
export interface DeliveryState {
  /** The most events in the next request: `batchSize`, halved while a failing batch is split. */
  _limit: number;
  /** Failed attempts since the last acknowledgement: the exponent of the backoff. */
  _attempt: number;
  /**
   * Events of the last failing batch not yet delivered or set aside: the split goes on, one half
   * at a time, until they are all settled, then the batch size is back.
   */
  _unresolved: number;
  /** Oldest first. */
  _suspects: Suspect[];
}

/** One answer, with what the policy needs to know about its request. */
export interface Outcome {
  /** The HTTP status; 0 when the request failed (network, CORS). */
  _status: number;
  _retryAfter?: string | null | undefined;
  /** The keys of the events the request carried. */
  _keys: IDBValidKey[];
  /** `navigator.onLine` was false after the answer. */
  _offline: boolean;
  /** The page-hide send, which acts on an acknowledgement only. */
  _hiding: boolean;
}

export type Action =
  /** The next request at once. */
  | { _type: 'send' }
  /** The next request at once, with fewer events (`_limit` was halved). */
  | { _type: 'split' }
  /** The next request after `_ms`. */
  | { _type: 'wait'; _ms: number }
  /** The next request when the browser is online again. */
  | { _type: 'wait-online' }
  /** Forget this event, count it as dropped, then send the next request. */
  | { _type: 'drop'; _key: IDBValidKey }
  /** Nothing more (the page-hide send). */
  | { _type: 'done' };

export interface Decision {
  _state: DeliveryState;
  /** The request's events are delivered: delete them. */
  _acknowledged: boolean;
  _action: Action;
}

/** The state delivery starts in. */
export const initialState = (batchSize: number): DeliveryState => ({
  _limit: batchSize,
  _attempt: 0,
  _unresolved: 0,
  _suspects: [],
});

/** Whether an answer acknowledges the whole batch: any 2xx. */
export const acknowledged = (status: number) => status >= 200 && status < 300;

/** Answers about the collector, not the events: the same events are tried again later. */
const isBusy = (status: number) => status === 0 || status === 408 || status === 429;

/** Whether an answer means "try again later" (SPEC "Wire format"); 0 is a failed request. */
export const retryable = (status: number) => isBusy(status) || status >= 500;

/** How many events to read from the queue: a batch past every suspect. */
export const peekSize = (state: DeliveryState) => state._limit + state._suspects.length;

/** The batch size while `unresolved` events of a failing batch remain, and after. */
const limitFor = (state: DeliveryState, unresolved: number, batchSize: number) =>
  unresolved ? Math.min(state._limit, unresolved) : batchSize;

/**
 * The next step after an answer. The page-hide send only acknowledges. Offline waits for
 * `online`; 408, 429 and network errors back off (honouring `Retry-After`) with the same events.
 * Any other 4xx, 413 included, splits the batch at once, and a 5xx after a backoff, one half at
 * a time, until an event fails alone; it is set aside (see {@link Suspect}) and the others go
 * first: at once after a refusal, after a backoff after a 5xx or when another event already
 * waits aside (the collector may be refusing everything). `now` and `random` are for
 * `Retry-After` dates and the backoff's jitter.
 */
export function next(
  state: DeliveryState,
  outcome: Outcome,
  batchSize: number,
  now = Date.now(),
  random = Math.random,
): Decision {
  const status = outcome._status;
  const keys = outcome._keys;
  const decide = (next: DeliveryState, action: Action, delivered = false): Decision => ({
    _state: next,
    _acknowledged: delivered,
    _action: action,
  });
  const backoff: Action = {
    _type: 'wait',
    _ms: retryDelay(state._attempt, outcome._retryAfter, now, random),
  };
  if (outcome._hiding) return decide(state, { _type: 'done' }, acknowledged(status));
  if (acknowledged(status)) {
    const isSuspect = (key: IDBValidKey) => state._suspects.some((suspect) => suspect._key === key);
    const others = keys.filter((key) => !isSuspect(key)).length;
    const suspects = state._suspects
      .filter((suspect) => !keys.includes(suspect._key))
      .map((suspect) => (others ? { ...suspect, _othersAcknowledged: true } : suspect));
    const unresolved = Math.max(0, state._unresolved - others);
    const after = { _limit: limitFor(state, unresolved, batchSize), _attempt: 0, _unresolved: unresolved };
    return decide({ ...after, _suspects: suspects }, { _type: 'send' }, true);
  }
  if (status === 0 && outcome._offline) return decide(state, { _type: 'wait-online' });
  const failed = { ...state, _attempt: state._attempt + 1 };
  if (isBusy(status)) return decide(failed, backoff);
  // Refused (4xx) or failed (5xx): something in these events, or the collector is down.
  const serverError = status >= 500;
  if (keys.length > 1) {
    // Halving does not grow the backoff: a poisoned batch of 20 is narrowed to its event in at
    // most six requests, and an outage costs each page those few requests.
    const split = { ...state, _limit: Math.ceil(keys.length / 2), _unresolved: keys.length };
    return decide(split, serverError ? backoff : { _type: 'split' });
  }
  const alone = keys[0] as IDBValidKey;
  const known = state._suspects.find((suspect) => suspect._key === alone);
  if (known?._othersAcknowledged) {
    const suspects = state._suspects.filter((suspect) => suspect !== known);
    return decide({ ...state, _suspects: suspects }, { _type: 'drop', _key: alone });
  }
  // Failed alone again with no acknowledgement in between: nothing new is known.
  if (known) return decide(failed, backoff);
  const unresolved = Math.max(0, state._unresolved - 1);
  const setAside: DeliveryState = {
    _limit: limitFor(state, unresolved, batchSize),
    _attempt: state._attempt,
    _unresolved: unresolved,
    _suspects: [...state._suspects, { _key: alone, _othersAcknowledged: false }],
  };
  if (!serverError && !state._suspects.length) return decide(setAside, { _type: 'send' });
  return decide({ ...setAside, _attempt: failed._attempt }, backoff);
}

/**
 * The events of the next request, from the oldest {@link peekSize} in the queue: a suspect alone
 * once other events were acknowledged, else a batch of the others, else (only suspects left)
 * the oldest suspect alone again.
 */
export function pick<T extends [IDBValidKey, ...unknown[]]>(state: DeliveryState, head: T[]): T[] {
  const suspectOf = (item: T) => state._suspects.find((suspect) => suspect._key === item[0]);
  const proven = head.find((item) => suspectOf(item)?._othersAcknowledged);
  if (proven) return [proven];
  const others = head.filter((item) => !suspectOf(item)).slice(0, state._limit);
  return others.length ? others : head.slice(0, 1);
}
