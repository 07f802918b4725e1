// The delivery policy: when to write, when to send, what to do with each answer. Storage,
// batching, timing, transport and locking are the layers below, each in its own file.
import type { JourneyEvent, Touchpoint } from '@touchpoint/core';
import { retryDelay } from './backoff.js';
import { fitCount, readable, utf8Bytes } from './batch.js';
import type { Format, Payload } from './format.js';
import { withLock } from './lock.js';
import { type Entry, entryKey, openQueue } from './queue-store.js';
import { createReport } from './report.js';
import { acknowledged, post, retryable } from './send.js';
import { touchpoint } from './wire.js';

/** Options of {@link connect}; every one but `endpoint` has its default in {@link CONNECT_DEFAULTS}. */
export interface ConnectOptions {
  /** The collector URL; events are POSTed there as `{"sentAt", "events", "dropped"?}`. */
  endpoint: string;
  /** Extra request headers, e.g. an API key. The page-hide send carries none of them. */
  headers?: Record<string, string>;
  /** The most events in one request. */
  batchSize?: number;
  /** How often queued events are sent when no batch has filled up meanwhile. */
  flushIntervalMs?: number;
  /** The most bytes of request body; under 64 KiB, what a keepalive request may carry at unload. */
  maxBatchBytes?: number;
  /** The most events kept while the collector is unreachable; beyond it the oldest are dropped. */
  maxQueue?: number;
  /**
   * The request body: `'touchpoint'` (the SPEC's wire format) or a {@link Format}, such as the
   * presets `segment()` from `@touchpoint/adapter/segment` and `posthog()` from
   * `@touchpoint/adapter/posthog`. Batches are cut to `maxBatchBytes` of the formatted body.
   */
  format?: 'touchpoint' | Format;
}

export const CONNECT_DEFAULTS = {
  headers: {} as Record<string, string>,
  batchSize: 20,
  flushIntervalMs: 5000,
  maxBatchBytes: 60_000,
  maxQueue: 10_000,
  format: 'touchpoint' as 'touchpoint' | Format,
};

/** What {@link connect} returns. */
export interface Link {
  /** Resolves once every event recorded before the call has been attempted. Never rejects. */
  flush(): Promise<void>;
  /**
   * Stops sending and removes every listener and timer; queued events wait for the next page.
   * (Withdrawn consent, `tp.consent(false)`, also deletes them.)
   */
  stop(): void;
}

/** All the adapter needs of the core: events after consent, and consent changes. */
export type Host = Pick<Touchpoint, 'on' | 'consented'>;

/** A stored event ready to go: its queue key and its JSON. */
type Item = [key: IDBValidKey, json: string];

const idle: Link = { flush: async () => {}, stop() {} };

/**
 * Delivers the events of `tp` to a collector: each one is stored in IndexedDB first, sent in
 * batches, and deleted only once a 2xx acknowledged it (SPEC "Wire format").
 */
export function connect(tp: Host, options: ConnectOptions): Link {
  const report = createReport();
  if (typeof options?.endpoint !== 'string' || !options.endpoint) {
    report('connect: no endpoint', 'nothing sent', 'error');
    return idle;
  }
  const o = { ...CONNECT_DEFAULTS, ...options };
  let key: keyof typeof CONNECT_DEFAULTS;
  // The numeric defaults name the options to check, so no list of them is shipped twice.
  for (key in CONNECT_DEFAULTS) {
    const fallback = CONNECT_DEFAULTS[key];
    if (typeof fallback === 'number' && !((o[key] as number) > 0 && (o[key] as number) < Infinity)) {
      report(`connect: bad ${key}`, 'default used');
      (o as Record<string, unknown>)[key] = fallback;
    }
  }
  let { format } = o;
  if (typeof format !== 'function') {
    if (format !== 'touchpoint') report('connect: bad format', 'default used');
    format = touchpoint;
  }
  const name = `touchpoint-queue ${o.endpoint}`;

  // Touches IndexedDB at its first operation (idb-keyval's createStore opens on first use), so
  // nothing is opened before consent.
  const queue = openQueue(name, (error) => report(`IndexedDB failed (${error})`, 'memory used'));
  let buffer: Entry[] = [];
  let written: Promise<void> = Promise.resolve();
  // This page's newest unacknowledged events (at most a batch), for the page-hide send: IndexedDB
  // is async and a hidden page may never run another task. A full map also means a full batch.
  // Another tab may deliver them: each read of the queue forgets what is no longer stored.
  const recent = new Map<string, string>();
  let stored = ''; // the newest key this page has written
  let limit = o.batchSize; // shrinks after a 413
  let attempt = 0;
  let interval: ReturnType<typeof setInterval> | undefined; // set while started
  // Delivery waits: for a retry's timer, or `true` for the `online` event. One state, so every
  // check and every reset covers both.
  let paused: ReturnType<typeof setTimeout> | true | undefined;
  let draining: Promise<unknown> | undefined;
  let hiding: Promise<unknown> | undefined;
  let posting = false; // a request of `run`'s is in flight

  const isOffline = () => globalThis.navigator?.onLine === false;

  /**
   * Sends the first items that fit in one request and acts on the answer; true when delivery
   * pauses (a retry is due, or the network is gone). The body as the format built it is cut
   * until it fits `maxBatchBytes`. The format gets parsed copies of the stored JSON, so it may
   * change them.
   *
   * `hiding`: one code path with the page-hide send, which runs synchronously up to `fetch`
   * (a hidden page may never run another task) and acts only on an acknowledgement: whatever
   * else happened, the events stay stored for the next page.
   */
  const deliver = async (items: Item[], dropped: number, hiding?: boolean): Promise<true | undefined> => {
    let batch = items.slice(0, limit);
    let payload: Payload;
    for (;;) {
      payload = format(
        batch.map((item) => JSON.parse(item[1])),
        dropped,
      );
      const bytes = utf8Bytes(payload.body);
      if (!batch[1] || bytes <= o.maxBatchBytes) break;
      batch = batch.slice(0, fitCount(batch.length, bytes, o.maxBatchBytes));
    }
    const keys = batch.map((item) => item[0]);
    if (!hiding) posting = true;
    // The app's own headers win over the format's.
    const [status, header] = await post(
      o.endpoint,
      payload.body,
      { ...payload.headers, ...o.headers },
      hiding,
    );
    if (!hiding) posting = false;
    if (acknowledged(status)) {
      attempt = 0;
      limit = o.batchSize;
    } else if (hiding) {
      return;
    } else if (status === 413 && batch.length > 1) {
      // Too large for the collector: halve until it fits; a single event that still does not
      // is dropped below, like any other 4xx.
      limit = Math.ceil(batch.length / 2);
      return;
    } else if (retryable(status)) {
      if (!status && isOffline()) paused = true;
      // Not after stop(): the timer would outlive it and hold back a restart.
      else if (interval)
        paused = setTimeout(
          () => {
            paused = undefined;
            run(false);
          },
          retryDelay(attempt++, header),
        );
      return true;
    } else report(`collector answered ${status}`, 'batch dropped', 'error');
    // Acknowledged or refused: forgotten, after the write in progress, which may still be storing
    // these events. Only an acknowledgement told the collector of the dropped count.
    await written;
    await queue._remove(keys, acknowledged(status) ? dropped : 0);
    for (const key of keys) recent.delete(key as string);
  };

  const write = async () => {
    const entries = buffer;
    buffer = [];
    if (!entries.length) return;
    if (await queue._add(entries, o.maxQueue)) report('queue full (maxQueue)', 'oldest dropped');
    stored = (entries[entries.length - 1] as Entry)[0] as string;
    if (recent.size >= o.batchSize) run(false, true);
  };

  /** `full`: woken by a full batch, which another tab may have delivered meanwhile. */
  const drain = async (full?: boolean) => {
    await hiding;
    while (interval) {
      if (isOffline()) {
        paused = true;
        return;
      }
      const mark = stored;
      const [entries, dropped] = await queue._head(limit);
      // Keys sort by time, so what this page wrote before the read and finds below the oldest
      // stored key was delivered or evicted, maybe by another tab: out of `recent`, or it would
      // stay full (a request per new event) and be posted again at page hide. Keys are below '~'.
      const oldest = (entries[0]?.[0] ?? '~') as string;
      for (const key of recent.keys()) if (key <= mark && key < oldest) recent.delete(key);
      // Less than a batch stored now: the interval sends it, as any partial batch.
      if (full && entries.length < limit) return;
      full = false;
      const bad = entries.filter((entry) => !readable(entry[1]));
      if (bad.length) {
        report('unreadable stored events', 'skipped');
        await queue._remove(
          bad.map((entry) => entry[0]),
          0,
        );
        // Read again: the readable ones are still at the head, with what follows them.
        continue;
      }
      if (!entries.length || (await deliver(entries as Item[], dropped))) return;
    }
  };

  const run = async (wait: boolean, full?: boolean): Promise<unknown> => {
    if (!interval || paused) return;
    // The running drain may have read the queue before these events were stored: once more after
    // it, one run for every caller meanwhile (the first starts it, the others find it).
    if (draining) return draining.then(() => draining ?? run(wait, full));
    draining = withLock(name, wait, () => drain(full), report)
      // A format that throws, or a bug: the events stay queued for the next tick.
      .catch((error) => report(`delivery failed (${error})`, 'will retry', 'error'))
      .finally(() => {
        draining = undefined;
      });
    return draining;
  };

  const onEvent = (event: JourneyEvent) => {
    // Started only while consent holds; the core sends '*' events only with it, too.
    if (!interval) return;
    const key = entryKey(event.id);
    // Stored as JSON, serialized once: what every send needs, and what the page-hide send can
    // post without more work. (The core's events are JSON-safe; its emitter catches a throw.)
    const json = JSON.stringify(event);
    recent.set(key, json);
    // Only the newest batch is kept here: older events are safely stored by now.
    if (recent.size > o.batchSize) recent.delete(recent.keys().next().value as string);
    // One transaction for a burst: the write runs after the current task (and after the
    // previous write), taking every event buffered until then.
    if (buffer.push([key, json]) === 1) written = written.then(write).catch(() => {});
  };

  const unpause = () => {
    clearTimeout(paused as ReturnType<typeof setTimeout>);
    paused = undefined;
  };

  const onOnline = () => {
    attempt = 0;
    unpause();
    run(false);
  };

  const onHide = (event: Event) => {
    // pagehide may come while the document still reads "visible" (Safari); it always counts. A
    // visibilitychange counts when hidden, but not while a request is in flight, which may carry
    // these same events (a mere tab switch). Nothing while a retry is due or offline either: the
    // events stay stored for later anyway.
    if (
      (event.type !== 'pagehide' && (posting || document.visibilityState !== 'hidden')) ||
      hiding ||
      paused ||
      isOffline() ||
      !recent.size
    )
      return;
    // A format that throws: the events stay stored for the next page, and `run` reports it.
    hiding = deliver([...recent], 0, true)
      .catch(() => {})
      .finally(() => {
        hiding = undefined;
      });
  };

  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    // Optional calls: workers and server rendering have no window or document.
    globalThis.window?.[method]('online', onOnline);
    globalThis.window?.[method]('pagehide', onHide);
    globalThis.document?.[method]('visibilitychange', onHide);
  };

  const start = () => {
    if (interval) return;
    // The online event may have come while stopped (stop() unpaused): start afresh.
    attempt = 0;
    interval = setInterval(() => run(false), o.flushIntervalMs);
    listen('addEventListener');
    // Events left by earlier pages or closed tabs go out now, not at the first tick.
    run(false);
  };

  const stop = () => {
    clearInterval(interval);
    interval = undefined;
    unpause();
    listen('removeEventListener');
  };

  // Withdrawn consent forgets what is queued, as the core forgets what it stored: after the
  // write in progress, so no event of before the withdrawal lands after the clear.
  const withdraw = () => {
    stop();
    buffer = [];
    recent.clear();
    // Opened just for this when this page never had consent: an earlier page's events must go too.
    written = written.then(() => queue._clear()).catch(() => {});
  };

  const offs = [tp.on('*', onEvent), tp.on('consent', (granted) => (granted ? start() : withdraw()))];
  if (tp.consented) start();

  return {
    flush: async () => {
      await written;
      await draining;
      await run(true);
    },
    stop: () => {
      stop();
      for (const off of offs) off();
    },
  };
}
