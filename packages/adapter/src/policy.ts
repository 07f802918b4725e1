// The delivery policy (SPEC "Wire format"): what to do after each answer of the collector, as a
// pure function of a small state and the answer. Its table test is its specification.
import { retryDelay } from './backoff.js';

/**
 * An event that failed alone, set aside while the events behind it go first. It is dropped when
 * it fails alone again after the collector acknowledged other events: then the collector works,
 * and only this event is refused. While everything fails (an outage), nothing is dropped.
 */
export interface Suspect {
  key: IDBValidKey;
  /** The collector acknowledged other events since this one failed alone. */
  othersAcknowledged: boolean;
}

/** What delivery remembers between requests. */
export interface DeliveryState {
  /** The most events in the next request: `batchSize`, halved while a failing batch is split. */
  limit: number;
  /** Failed attempts since the last acknowledgement: the exponent of the backoff. */
  attempt: number;
  /**
   * Events of the last failing batch not yet delivered or set aside: the split goes on, one half
   * at a time, until they are all settled, then the batch size is back.
   */
  unresolved: number;
  /** Oldest first. */
  suspects: Suspect[];
}

/** One answer, with what the policy needs to know about its request. */
export interface Outcome {
  /** The HTTP status; 0 when the request failed (network, CORS). */
  status: number;
  retryAfter?: string | null | undefined;
  /** The keys of the events the request carried. */
  keys: IDBValidKey[];
  /** `navigator.onLine` was false after the answer. */
  offline: boolean;
  /** The page-hide send, which acts on an acknowledgement only. */
  hiding: boolean;
  /** The clock and a random number in [0, 1), for `Retry-After` dates and the backoff's jitter. */
  now: number;
  random: number;
}

export type Action =
  /** The next request at once. */
  | { type: 'send' }
  /** The next request at once, with fewer events (`limit` was halved). */
  | { type: 'split' }
  /** The next request after `ms`. */
  | { type: 'wait'; ms: number }
  /** The next request when the browser is online again. */
  | { type: 'wait-online' }
  /** Forget this event, count it as dropped, then send the next request. */
  | { type: 'drop'; key: IDBValidKey }
  /** Nothing more (the page-hide send). */
  | { type: 'done' };

export interface Decision {
  state: DeliveryState;
  /** The request's events are delivered: delete them. */
  acknowledged: boolean;
  action: Action;
}

/** The state delivery starts in. */
export const initialState = (batchSize: number): DeliveryState => ({
  limit: batchSize,
  attempt: 0,
  unresolved: 0,
  suspects: [],
});

/** Whether an answer acknowledges the whole batch: any 2xx. */
export const acknowledged = (status: number) => status >= 200 && status < 300;

/** Answers about the collector, not the events: the same events are tried again later. */
const isBusy = (status: number) => status === 0 || status === 408 || status === 429;

/** Whether an answer means "try again later" (SPEC "Wire format"); 0 is a failed request. */
export const retryable = (status: number) => isBusy(status) || status >= 500;

const half = (count: number) => Math.ceil(count / 2);

/** How many events to read from the queue: a batch past every suspect. */
export const peekSize = (state: DeliveryState) => state.limit + state.suspects.length;

/**
 * The next step after an answer. The page-hide send only acknowledges. Offline waits for
 * `online`; 408, 429 and network errors back off (honouring `Retry-After`) with the same events.
 * Any other 4xx, 413 included, splits the batch at once, and a 5xx after a backoff, one half at
 * a time, until an event fails alone; it is set aside (see {@link Suspect}) and the others go
 * first: at once after a refusal, after a backoff after a 5xx or when another event already
 * waits aside (the collector may be refusing everything).
 */
export function next(state: DeliveryState, outcome: Outcome, batchSize: number): Decision {
  const { status, keys } = outcome;
  const wait = (attempt: number): Action => ({
    type: 'wait',
    ms: retryDelay(attempt, outcome.retryAfter, outcome.now, () => outcome.random),
  });
  const fail = (next: DeliveryState, action: Action): Decision => ({ state: next, acknowledged: false, action });
  if (outcome.hiding) return { state, acknowledged: acknowledged(status), action: { type: 'done' } };
  const isSuspect = (key: IDBValidKey) => state.suspects.some((suspect) => suspect.key === key);
  if (acknowledged(status)) {
    const others = keys.filter((key) => !isSuspect(key)).length;
    const suspects = state.suspects
      .filter((suspect) => !keys.includes(suspect.key))
      .map((suspect) => (others ? { ...suspect, othersAcknowledged: true } : suspect));
    const unresolved = Math.max(0, state.unresolved - others);
    const limit = unresolved ? Math.min(state.limit, unresolved) : batchSize;
    return { state: { limit, attempt: 0, unresolved, suspects }, acknowledged: true, action: { type: 'send' } };
  }
  if (status === 0 && outcome.offline) return fail(state, { type: 'wait-online' });
  const attempt = state.attempt + 1;
  if (isBusy(status)) return fail({ ...state, attempt }, wait(state.attempt));
  // Refused (4xx) or failed (5xx): something in these events, or the collector is down.
  const serverError = status >= 500;
  if (keys.length > 1) {
    // Halving does not grow the backoff: a poisoned batch of 20 is narrowed to its event in at
    // most six requests, and an outage costs each page those few requests.
    const split = { ...state, limit: half(keys.length), unresolved: keys.length };
    return fail(split, serverError ? wait(state.attempt) : { type: 'split' });
  }
  const [alone] = keys as [IDBValidKey];
  const known = state.suspects.find((suspect) => suspect.key === alone);
  if (known?.othersAcknowledged) {
    const suspects = state.suspects.filter((suspect) => suspect !== known);
    return fail({ ...state, suspects }, { type: 'drop', key: alone });
  }
  // Failed alone again with no acknowledgement in between: nothing new is known.
  if (known) return fail({ ...state, attempt }, wait(state.attempt));
  const unresolved = Math.max(0, state.unresolved - 1);
  const setAside: DeliveryState = {
    limit: unresolved ? Math.min(state.limit, unresolved) : batchSize,
    attempt: state.attempt,
    unresolved,
    suspects: [...state.suspects, { key: alone, othersAcknowledged: false }],
  };
  if (!serverError && !state.suspects.length) return fail(setAside, { type: 'send' });
  return fail({ ...setAside, attempt }, wait(state.attempt));
}

/**
 * The events of the next request, from the oldest {@link peekSize} in the queue: a suspect alone
 * once other events were acknowledged, else a batch of the others, else (only suspects left)
 * the oldest suspect alone again.
 */
export function pick<T extends [IDBValidKey, ...unknown[]]>(state: DeliveryState, head: T[]): T[] {
  const suspectOf = (item: T) => state.suspects.find((suspect) => suspect.key === item[0]);
  const proven = head.find((item) => suspectOf(item)?.othersAcknowledged);
  if (proven) return [proven];
  const others = head.filter((item) => !suspectOf(item)).slice(0, state.limit);
  return others.length ? others : head.slice(0, 1);
}
