// The delivery policy: when to write, when to send, what to do with each answer. Storage,
// batching, timing, transport and locking are the layers below, each in its own file.
import type { JourneyEvent, Touchpoint } from '@touchpoint/core';
import { backoff, retryAfter } from './backoff';
import { type Item, takeBatch, toItem } from './batch';
import { withLock } from './lock';
import { type Entry, entryKey, openQueue, type QueueStore } from './queue-store';
import { createReport } from './report';
import { acknowledged, post, postOnHide, retryable } from './send';
import { body } from './wire';

/** Options of {@link connect}; every one but `endpoint` has its default in {@link CONNECT_DEFAULTS}. */
export interface ConnectOptions {
  /** The collector URL; events are POSTed there as `{"sentAt", "events", "dropped"?}`. */
  endpoint: string;
  /** Extra request headers, e.g. an API key. The `sendBeacon` fallback cannot carry them. */
  headers?: Record<string, string>;
  /** The most events in one request. */
  batchSize?: number;
  /** How often queued events are sent when no batch has filled up meanwhile. */
  flushIntervalMs?: number;
  /** The most bytes of request body; under 64 KiB, what a keepalive request may carry at unload. */
  maxBatchBytes?: number;
  /** The most events kept while the collector is unreachable; beyond it the oldest are dropped. */
  maxQueue?: number;
  /** A request without an answer after this long is aborted and retried. */
  timeoutMs?: number;
}

export const CONNECT_DEFAULTS = {
  headers: {} as Record<string, string>,
  batchSize: 20,
  flushIntervalMs: 5000,
  maxBatchBytes: 60_000,
  maxQueue: 10_000,
  timeoutMs: 10_000,
};

/** What {@link connect} returns. */
export interface Link {
  /** Resolves once every event recorded before the call has been attempted. Never rejects. */
  flush(): Promise<void>;
  /** Stops sending and removes every listener and timer; queued events wait for the next page. */
  stop(): void;
}

/** All the adapter needs of the core: events after consent, and consent changes. */
export type Host = Pick<Touchpoint, 'on' | 'consented'>;

const idle: Link = { flush: async () => {}, stop() {} };

/**
 * Delivers the events of `tp` to a collector: each one is stored in IndexedDB first, sent in
 * batches, and deleted only once a 2xx acknowledged it (SPEC "Wire format").
 */
export function connect(tp: Host, options: ConnectOptions): Link {
  const report = createReport();
  if (typeof options?.endpoint !== 'string' || !options.endpoint) {
    console.error('[touchpoint] connect: no endpoint; nothing will be sent');
    return idle;
  }
  const o = { ...CONNECT_DEFAULTS, ...options };
  for (const key of ['batchSize', 'flushIntervalMs', 'maxBatchBytes', 'maxQueue', 'timeoutMs'] as const) {
    if (!(o[key] > 0 && o[key] < Infinity)) {
      report('warn', key, `connect: bad ${key}; using the default`);
      o[key] = CONNECT_DEFAULTS[key];
    }
  }
  const name = `touchpoint-queue ${o.endpoint}`;

  let queue: QueueStore | undefined; // opened at consent, not before
  let buffer: Entry[] = [];
  let written: Promise<void> = Promise.resolve();
  // This page's newest unacknowledged events, for the page-hide send (IndexedDB is async and a
  // hidden page may never run another task).
  const recent = new Map<IDBValidKey, JourneyEvent>();
  let stored = 0; // this page's estimate of queued events: "flush when full"
  let limit = o.batchSize; // shrinks after a 413
  let attempt = 0;
  let interval: ReturnType<typeof setInterval> | undefined; // set while started
  let retry: ReturnType<typeof setTimeout> | undefined;
  let offline = false;
  let draining: Promise<void> | undefined;
  let again = false;
  let hiding: Promise<void> | undefined;

  const isOffline = () => globalThis.navigator?.onLine === false;

  const write = async () => {
    const entries = buffer;
    buffer = [];
    if (!queue || !entries.length) return;
    const evicted = await queue.add(entries, o.maxQueue);
    if (evicted) report('warn', 'maxQueue', 'queue full (maxQueue); oldest events dropped');
    stored += entries.length;
    if (stored >= o.batchSize) run(false);
  };

  const acknowledge = async (keys: IDBValidKey[], reported: number) => {
    await queue?.remove(keys, reported);
    for (const key of keys) recent.delete(key);
    stored = Math.max(0, stored - keys.length);
  };

  const drain = async () => {
    await hiding;
    while (interval && queue) {
      if (isOffline()) {
        offline = true;
        return;
      }
      const { entries, dropped } = await queue.head(limit);
      const items: Item[] = [];
      const bad: IDBValidKey[] = [];
      for (const [key, value] of entries) {
        const item = toItem(key, value);
        item ? items.push(item) : bad.push(key);
      }
      if (bad.length) {
        report('warn', 'corrupt', 'unreadable stored events skipped');
        await queue.remove(bad, 0);
      }
      if (!items.length) {
        if (bad.length) continue;
        return;
      }
      const batch = takeBatch(items, limit, o.maxBatchBytes);
      const keys = batch.map((item) => item.key);
      const json = body(
        batch.map((item) => item.json),
        Date.now(),
        dropped,
      );
      const { status, retryAfter: header } = await post(o.endpoint, json, o.headers, o.timeoutMs);
      if (acknowledged(status)) {
        await acknowledge(keys, dropped);
        attempt = 0;
        limit = o.batchSize;
      } else if (status === 413 && batch.length > 1) {
        // Too large for the collector: halve until it fits; a single event that still does not
        // is dropped below, like any other 4xx.
        limit = Math.ceil(batch.length / 2);
      } else if (retryable(status)) {
        if (!status && isOffline()) offline = true;
        else {
          const delay = retryAfter(header, Date.now()) ?? backoff(attempt++);
          retry = setTimeout(() => {
            retry = undefined;
            run(false);
          }, delay);
        }
        return;
      } else {
        report('error', `${status}`, `collector answered ${status}; batch dropped`);
        await acknowledge(keys, 0);
      }
    }
  };

  const run = (wait: boolean): Promise<void> => {
    if (!interval || retry || offline) return Promise.resolve();
    if (draining) {
      // The running drain may have read the queue before these events were stored.
      again = true;
      return draining;
    }
    const current = withLock(name, wait, drain, report)
      .then(() => {})
      .catch(() => {})
      .finally(() => {
        draining = undefined;
        if (again) {
          again = false;
          run(false);
        }
      });
    draining = current;
    return current;
  };

  const onEvent = (event: JourneyEvent) => {
    if (!interval || !tp.consented) return;
    const key = entryKey(event.id);
    recent.set(key, event);
    // Only the newest batch is kept here: older events are safely stored by now.
    if (recent.size > o.batchSize) recent.delete(recent.keys().next().value as IDBValidKey);
    // One transaction for a burst: the write runs after the current task (and after the
    // previous write), taking every event buffered until then.
    if (buffer.push([key, event]) === 1) written = written.then(write).catch(() => {});
  };

  const onOnline = () => {
    offline = false;
    attempt = 0;
    clearTimeout(retry);
    retry = undefined;
    run(false);
  };

  const onHide = (event: Event) => {
    // pagehide may come while the document still reads "visible" (Safari); it always counts.
    if (event.type !== 'pagehide' && document.visibilityState !== 'hidden') return;
    if (hiding || !recent.size) return;
    const batch = takeBatch(
      [...recent].reverse().flatMap(([key, event]) => toItem(key, event) ?? []),
      o.batchSize,
      o.maxBatchBytes,
    ).reverse();
    const keys = batch.map((item) => item.key);
    hiding = postOnHide(
      o.endpoint,
      body(
        batch.map((item) => item.json),
        Date.now(),
        0,
      ),
      o.headers,
    )
      .then(async ({ status }) => {
        if (acknowledged(status)) await written.then(() => acknowledge(keys, 0));
      })
      .catch(() => {})
      .finally(() => {
        hiding = undefined;
      });
  };

  const listen = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    // Optional calls: workers and server rendering have no window or document.
    globalThis.window?.[method]('online', onOnline);
    globalThis.window?.[method]('pagehide', onHide);
    globalThis.document?.[method]('visibilitychange', onHide);
  };

  const start = () => {
    if (interval) return;
    queue ??= openQueue(name, (error) =>
      report('warn', 'idb', `IndexedDB failed (${error}); queue kept in memory`),
    );
    interval = setInterval(() => run(false), o.flushIntervalMs);
    listen(true);
    // Events left by earlier pages or closed tabs go out now, not at the first tick.
    run(false);
  };

  const pause = () => {
    clearInterval(interval);
    clearTimeout(retry);
    interval = retry = undefined;
    listen(false);
  };

  const offs = [tp.on('*', onEvent), tp.on('consent', (granted) => (granted ? start() : pause()))];
  if (tp.consented) start();

  return {
    flush: async () => {
      await written;
      await draining;
      await run(true);
    },
    stop: () => {
      pause();
      for (const off of offs) off();
    },
  };
}
