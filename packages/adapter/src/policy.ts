// The delivery policy (SPEC "Wire format"): what to do after each answer of the collector, as a
// pure function of a small state and the answer. Its table test is its specification.
import { retryDelay } from './backoff.js';

/**
 * An event that failed alone, set aside while the events behind it go first. It is dropped when
 * it fails alone again after the collector acknowledged another request: then the collector
 * works, and only this event is refused. While everything fails (an outage), nothing is.
 */
export interface Suspect {
  key: IDBValidKey;
  /** The collector acknowledged another request since this one failed alone. */
  othersAcknowledged: boolean;
}

/** What delivery remembers between requests. */
export interface DeliveryState {
  /** The most events in the next request: `batchSize`, halved while a failing batch is split. */
  limit: number;
  /** Failed attempts since the last acknowledgement: the exponent of the backoff. */
  attempt: number;
  suspect?: Suspect | undefined;
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

/** The state delivery starts in, and returns to after each acknowledgement. */
export const initialState = (batchSize: number): DeliveryState => ({ limit: batchSize, attempt: 0 });

/** Whether an answer acknowledges the whole batch: any 2xx. */
export const acknowledged = (status: number) => status >= 200 && status < 300;

/** Answers about the collector, not the events: the same events are tried again later. */
const isBusy = (status: number) => status === 0 || status === 408 || status === 429;

/** Whether an answer means "try again later" (SPEC "Wire format"); 0 is a failed request. */
export const retryable = (status: number) => isBusy(status) || status >= 500;

const half = (count: number) => Math.ceil(count / 2);

/**
 * The next step after an answer. In order: the page-hide send does nothing but acknowledge;
 * offline waits for `online`; 408, 429 and network errors back off (honouring `Retry-After`)
 * with the same events; any other 4xx, 413 included, splits the batch at once, and any 5xx
 * splits it after a backoff, until a single event fails alone; that event is set aside (see
 * {@link Suspect}) and the others go first, after a backoff that grows with each failure alone.
 */
export function next(state: DeliveryState, outcome: Outcome, batchSize: number): Decision {
  const { status, keys } = outcome;
  const suspect = state.suspect;
  const wait = (attempt: number): Action => ({
    type: 'wait',
    ms: retryDelay(attempt, outcome.retryAfter, outcome.now, () => outcome.random),
  });
  if (outcome.hiding) return { state, acknowledged: acknowledged(status), action: { type: 'done' } };
  if (acknowledged(status)) {
    const reset = initialState(batchSize);
    // The suspect itself went through, or there is none: nothing is suspected any more.
    if (!suspect || keys.includes(suspect.key))
      return { state: reset, acknowledged: true, action: { type: 'send' } };
    return {
      state: { ...reset, suspect: { ...suspect, othersAcknowledged: true } },
      acknowledged: true,
      action: { type: 'send' },
    };
  }
  if (status === 0 && outcome.offline) return { state, acknowledged: false, action: { type: 'wait-online' } };
  const attempt = state.attempt + 1;
  if (isBusy(status))
    return { state: { ...state, attempt }, acknowledged: false, action: wait(state.attempt) };
  // Refused (4xx) or failed (5xx): something in these events, or the collector is down.
  const serverError = status >= 500;
  if (keys.length > 1) {
    // Halving does not grow the backoff: a poisoned batch of 20 is narrowed to its event in
    // six requests a second or less apart, and an outage costs each page those few requests.
    const split = { ...state, limit: half(keys.length) };
    const action: Action = serverError ? wait(state.attempt) : { type: 'split' };
    return { state: split, acknowledged: false, action };
  }
  const [alone] = keys as [IDBValidKey];
  if (suspect?.key === alone && suspect.othersAcknowledged)
    return {
      state: { ...state, suspect: undefined },
      acknowledged: false,
      action: { type: 'drop', key: alone },
    };
  // Failed alone: set aside, with no evidence against it yet. Refused, the others go at once;
  // after a 5xx, or when an event had already failed alone with no acknowledgement since (the
  // collector refuses everything, or this is the only event left), after a backoff.
  const setAside = { ...state, suspect: { key: alone, othersAcknowledged: false } };
  if (!suspect && !serverError) return { state: setAside, acknowledged: false, action: { type: 'send' } };
  return { state: { ...setAside, attempt }, acknowledged: false, action: wait(state.attempt) };
}

/**
 * The events of the next request, from the oldest `limit + 1` in the queue: the suspect alone
 * once another request was acknowledged, else the others (or, when it is the only event left,
 * the suspect alone again).
 */
export function pick<T extends [IDBValidKey, ...unknown[]]>(state: DeliveryState, head: T[]): T[] {
  const suspect = state.suspect;
  const own = suspect && head.find((item) => item[0] === suspect.key);
  if (!own) return head.slice(0, state.limit);
  if (suspect.othersAcknowledged) return [own];
  const others = head.filter((item) => item !== own).slice(0, state.limit);
  return others.length ? others : [own];
}
