// Delivery: reads the queue, sends a batch, and carries out what the policy decides about the
// answer. Its state is one record; every decision is `next()` in policy.ts.
import { withLock } from './lock.js';
import type { Settings } from './options.js';
import { buildPayload } from './payload.js';
import { type DeliveryState, initialState, next, type Outcome, peekSize, pick } from './policy.js';
import type { Item, Queue } from './queue.js';
import type { Recent } from './recent.js';
import type { Report } from './report.js';
import { post } from './send.js';

export interface Delivery {
  /** Sends at once and every `flushIntervalMs` from now on. */
  _start(): void;
  /** Stops sending; a request in flight is not aborted. */
  _stop(): void;
  /**
   * Drains the queue unless delivery waits. `wait`: queue behind another tab's sender instead of
   * leaving the work to it (`flush()`). `full`: woken by a full batch, which another tab may have
   * delivered meanwhile.
   */
  _run(wait: boolean, full?: boolean): Promise<unknown>;
  /** The browser is online again: retry now, with a fresh backoff. */
  _online(): void;
  /** The page is going away: post this page's newest events at once, if nothing else is under way. */
  _hide(pagehide: boolean): void;
}

/** What a delivery needs from its adapter. */
export interface DeliverySetup {
  _settings: Settings;
  /** The Web Lock that keeps one sender at a time. */
  _lockName: string;
  _queue: Queue;
  _recent: Recent;
  _report: Report;
  /** Resolves once the write in progress is done: it may still be storing the events of an answer. */
  _written(): Promise<unknown>;
}

interface DeliveryRecord {
  _policy: DeliveryState;
  /** Set while started. */
  _interval?: ReturnType<typeof setInterval> | undefined;
  /** A retry's timer, or `'online'`: one field, so every check and every reset covers both. */
  _waiting?: ReturnType<typeof setTimeout> | 'online' | undefined;
  _draining?: Promise<unknown> | undefined;
  _hiding?: Promise<unknown> | undefined;
  /** A request of the drain is in flight. */
  _posting?: boolean;
}

const isOffline = () => globalThis.navigator?.onLine === false;

export function createDelivery(setup: DeliverySetup): Delivery {
  const { _settings: settings, _queue: queue, _recent: recent, _report: report } = setup;
  const state: DeliveryRecord = { _policy: initialState(settings.batchSize) };

  /** Posts the first items that fit in one request. */
  const request = async (items: Item[], dropped: number, hiding: boolean): Promise<Outcome> => {
    const [payload, count] = buildPayload(settings.format, items, dropped, settings.maxBatchBytes);
    if (!hiding) state._posting = true;
    // The app's own headers win over the format's.
    const headers = { ...payload.headers, ...settings.headers };
    const [status, retryAfter] = await post(settings.endpoint, payload.body, headers, hiding);
    if (!hiding) state._posting = false;
    return {
      _status: status,
      _retryAfter: retryAfter,
      _keys: items.slice(0, count).map((item) => item[0]),
      _offline: isOffline(),
      _hiding: hiding,
    };
  };

  /** Carries out the policy's decision about an answer; a wait is left in `_waiting`. */
  const act = async (outcome: Outcome, dropped: number, items: Item[]) => {
    const decision = next(state._policy, outcome, settings.batchSize);
    const action = decision._action;
    state._policy = decision._state;
    // After the write in progress, which may still be storing these events.
    await setup._written();
    if (decision._acknowledged) {
      // Only an acknowledgement told the collector of the dropped count.
      await queue._acknowledge(outcome._keys, dropped);
      recent._forget(outcome._keys);
    }
    if (action._type === 'drop') {
      const { id, type } = JSON.parse(items.find((item) => item[0] === action._key)?.[1] ?? '{}');
      report(
        `collector answered ${outcome._status} to event ${id} (${type}) alone`,
        'event dropped',
        'error',
      );
      await queue._drop([action._key]);
      recent._forget([action._key]);
    }
    if (action._type === 'wait-online') state._waiting = 'online';
    // Not after stop(): the timer would outlive it and hold back a restart.
    else if (action._type === 'wait' && state._interval)
      state._waiting = setTimeout(() => {
        state._waiting = undefined;
        run(false);
      }, action._ms);
  };

  const drain = async (full?: boolean) => {
    await state._hiding;
    while (state._interval) {
      if (isOffline()) {
        state._waiting = 'online';
        return;
      }
      const mark = recent._mark();
      const [head, dropped] = await queue._peek(peekSize(state._policy));
      recent._prune(mark, head[0]?.[0]);
      // Less than a batch stored now: the interval sends it, as any partial batch.
      if (full && head.length < state._policy._limit) return;
      full = false;
      const batch = pick(state._policy, head);
      if (!batch.length) return;
      await act(await request(batch, dropped, false), dropped, batch);
      // A wait, or stop() meanwhile (`while` checks that).
      if (state._waiting) return;
    }
  };

  const run = (wait: boolean, full?: boolean): Promise<unknown> => {
    if (!state._interval || state._waiting) return Promise.resolve();
    // The running drain may have read the queue before these events were stored: once more after
    // it, one run for every caller meanwhile (the first starts it, the others find it).
    if (state._draining) return state._draining.then(() => state._draining ?? run(wait, full));
    state._draining = withLock(setup._lockName, wait, () => drain(full), report)
      // A format that throws, or a bug: the events stay queued for the next tick.
      .catch((error) => report(`delivery failed (${error})`, 'will retry', 'error'))
      .finally(() => {
        state._draining = undefined;
      });
    return state._draining;
  };

  /** No more waiting, and a fresh backoff. */
  const resume = () => {
    if (state._waiting !== 'online') clearTimeout(state._waiting);
    state._waiting = undefined;
    state._policy = { ...state._policy, _attempt: 0 };
  };

  return {
    _start() {
      // The online event may have come while stopped: start afresh.
      resume();
      state._interval = setInterval(() => run(false), settings.flushIntervalMs);
      // Events left by earlier pages or closed tabs go out now, not at the first tick.
      run(false);
    },
    _stop() {
      clearInterval(state._interval);
      state._interval = undefined;
      resume();
    },
    _run: run,
    _online() {
      resume();
      run(false);
    },
    _hide(pagehide) {
      // pagehide may come while the document still reads "visible" (Safari); it always counts. A
      // visibilitychange counts when hidden, but not while a request is in flight, which may carry
      // these same events (a mere tab switch). Nothing while a retry is due or offline either: the
      // events stay stored for later anyway.
      const hidden = pagehide || (!state._posting && globalThis.document?.visibilityState === 'hidden');
      const items = recent._items();
      if (!hidden || state._hiding || state._waiting || isOffline() || !items.length) return;
      // A format that throws: the events stay stored for the next page, and `run` reports it.
      state._hiding = request(items, 0, true)
        .then((outcome) => act(outcome, 0, items))
        .catch(() => {})
        .finally(() => {
          state._hiding = undefined;
        });
    },
  };
}
