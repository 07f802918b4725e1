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
  start(): void;
  /** Stops sending; a request in flight is not aborted. */
  stop(): void;
  /**
   * Drains the queue unless delivery waits. `wait`: queue behind another tab's sender instead of
   * leaving the work to it (`flush()`). `full`: woken by a full batch, which another tab may have
   * delivered meanwhile.
   */
  run(wait: boolean, full?: boolean): Promise<unknown>;
  /** The browser is online again: retry now, with a fresh backoff. */
  online(): void;
  /** The page is going away: post this page's newest events at once, if nothing else is under way. */
  hide(pagehide: boolean): void;
}

/** What a delivery needs from its adapter. */
export interface DeliverySetup {
  settings: Settings;
  lockName: string;
  queue: Queue;
  recent: Recent;
  report: Report;
  /** Resolves once the write in progress is done: it may still be storing the events of an answer. */
  written(): Promise<unknown>;
}

interface DeliveryRecord {
  policy: DeliveryState;
  /** Set while started. */
  interval?: ReturnType<typeof setInterval> | undefined;
  /** A retry's timer, or `'online'`: one field, so every check and every reset covers both. */
  waiting?: ReturnType<typeof setTimeout> | 'online' | undefined;
  draining?: Promise<unknown> | undefined;
  hiding?: Promise<unknown> | undefined;
  /** A request of the drain is in flight. */
  posting: boolean;
}

const isOffline = () => globalThis.navigator?.onLine === false;

export function createDelivery({
  settings,
  lockName,
  queue,
  recent,
  report,
  written,
}: DeliverySetup): Delivery {
  const { endpoint, batchSize } = settings;
  const state: DeliveryRecord = { policy: initialState(batchSize), posting: false };

  /** Posts the first items that fit in one request. */
  const request = async (items: Item[], dropped: number, hiding: boolean): Promise<Outcome> => {
    const [payload, count] = buildPayload(settings.format, items, dropped, settings.maxBatchBytes);
    if (!hiding) state.posting = true;
    // The app's own headers win over the format's.
    const headers = { ...payload.headers, ...settings.headers };
    const [status, retryAfter] = await post(endpoint, payload.body, headers, hiding);
    if (!hiding) state.posting = false;
    const keys = items.slice(0, count).map((item) => item[0]);
    return { status, retryAfter, keys, offline: isOffline(), hiding, now: Date.now(), random: Math.random() };
  };

  /** Carries out the policy's decision about an answer; true when delivery stops for now. */
  const act = async (outcome: Outcome, dropped: number, items: Item[]): Promise<boolean> => {
    const { state: policy, acknowledged, action } = next(state.policy, outcome, batchSize);
    state.policy = policy;
    // After the write in progress, which may still be storing these events.
    if (acknowledged || action.type === 'drop') await written();
    // Only an acknowledgement told the collector of the dropped count.
    if (acknowledged) {
      await queue.acknowledge(outcome.keys, dropped);
      recent.forget(outcome.keys);
    }
    if (action.type === 'drop') {
      const json = items.find((item) => item[0] === action.key)?.[1];
      const { id, type } = JSON.parse(json ?? '{}');
      report(`collector answered ${outcome.status} to event ${id} (${type}) alone`, 'event dropped', 'error');
      await queue.drop([action.key]);
      recent.forget([action.key]);
    }
    if (action.type === 'wait-online') state.waiting = 'online';
    // Not after stop(): the timer would outlive it and hold back a restart.
    else if (action.type === 'wait' && state.interval)
      state.waiting = setTimeout(() => {
        state.waiting = undefined;
        run(false);
      }, action.ms);
    return action.type === 'wait' || action.type === 'wait-online' || action.type === 'done';
  };

  const drain = async (full?: boolean) => {
    await state.hiding;
    while (state.interval) {
      if (isOffline()) {
        state.waiting = 'online';
        return;
      }
      const mark = recent.mark();
      const [head, dropped] = await queue.peek(peekSize(state.policy));
      recent.prune(mark, head[0]?.[0]);
      // Less than a batch stored now: the interval sends it, as any partial batch.
      if (full && head.length < state.policy.limit) return;
      full = false;
      const batch = pick(state.policy, head);
      if (!batch.length || (await act(await request(batch, dropped, false), dropped, batch))) return;
    }
  };

  const run = (wait: boolean, full?: boolean): Promise<unknown> => {
    if (!state.interval || state.waiting) return Promise.resolve();
    // The running drain may have read the queue before these events were stored: once more after
    // it, one run for every caller meanwhile (the first starts it, the others find it).
    if (state.draining) return state.draining.then(() => state.draining ?? run(wait, full));
    state.draining = withLock(lockName, wait, () => drain(full), report)
      // A format that throws, or a bug: the events stay queued for the next tick.
      .catch((error) => report(`delivery failed (${error})`, 'will retry', 'error'))
      .finally(() => {
        state.draining = undefined;
      });
    return state.draining;
  };

  const unpause = () => {
    if (state.waiting !== 'online') clearTimeout(state.waiting);
    state.waiting = undefined;
    state.policy = { ...state.policy, attempt: 0 };
  };

  return {
    start() {
      if (state.interval) return;
      // The online event may have come while stopped (stop() unpaused): start afresh.
      unpause();
      state.interval = setInterval(() => run(false), settings.flushIntervalMs);
      // Events left by earlier pages or closed tabs go out now, not at the first tick.
      run(false);
    },
    stop() {
      clearInterval(state.interval);
      state.interval = undefined;
      unpause();
    },
    run,
    online() {
      unpause();
      run(false);
    },
    hide(pagehide) {
      // pagehide may come while the document still reads "visible" (Safari); it always counts. A
      // visibilitychange counts when hidden, but not while a request is in flight, which may carry
      // these same events (a mere tab switch). Nothing while a retry is due or offline either: the
      // events stay stored for later anyway.
      const hidden = pagehide || (!state.posting && globalThis.document?.visibilityState === 'hidden');
      const items = recent.items();
      if (!hidden || state.hiding || state.waiting || isOffline() || !items.length) return;
      // A format that throws: the events stay stored for the next page, and `run` reports it.
      state.hiding = request(items, 0, true)
        .then((outcome) => act(outcome, 0, items))
        .catch(() => {})
        .finally(() => {
          state.hiding = undefined;
        });
    },
  };
}
