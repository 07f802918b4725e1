// connect(): the adapter's layers wired to an instance. Options are checked in options.ts, the
// decisions are the policy's (policy.ts), delivery carries them out (delivery.ts), the queue
// (queue.ts) stores through one IndexedDB file (queue-db.ts), and send.ts is the HTTP edge.
import type { JourneyEvent, Touchpoint } from '@touchpoint/core';
import { createDelivery } from './delivery.js';
import { type ConnectOptions, resolveOptions } from './options.js';
import { createQueue } from './queue.js';
import { databaseName } from './queue-db.js';
import { openQueue } from './queue-store.js';
import { createRecent } from './recent.js';
import { createReport } from './report.js';
import { createWriter } from './writer.js';

export { CONNECT_DEFAULTS, type ConnectOptions, OPTION_MAXIMUMS } from './options.js';

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

const idle: Link = { flush: async () => {}, stop() {} };

/**
 * Delivers the events of `tp` to a collector: each one is stored in IndexedDB first, sent in
 * batches, and deleted only once a 2xx acknowledged it (SPEC "Wire format"). Without `window`
 * (server rendering, edge runtimes) it does nothing: no request, no timer, no IndexedDB.
 */
/** Whether the database `name` exists; true when the browser cannot say (no `databases()`). */
const hasDatabase = (name: string): Promise<boolean> =>
  Promise.resolve()
    .then(() => indexedDB.databases())
    .then(
      (list) => list.some((db) => db.name === name),
      () => true,
    );

export function connect(tp: Host, options: ConnectOptions): Link {
  if (typeof window === 'undefined') return idle;
  const report = createReport();
  if (typeof options?.endpoint !== 'string' || !options.endpoint) {
    report('connect: no endpoint', 'nothing sent', 'error');
    return idle;
  }
  const settings = resolveOptions(options, report);
  const name = databaseName(settings.endpoint);
  // Touches IndexedDB at its first operation (idb-keyval's createStore opens on first use), so
  // nothing is opened before consent.
  const store = openQueue(name, (error) => report(`IndexedDB failed (${error})`, 'memory used'));
  const queue = createQueue(store, settings.maxQueue, report);
  const recent = createRecent(settings.batchSize);
  const writer = createWriter(
    queue,
    report,
    (items) => {
      for (const [key, json] of items) recent._remember(key as string, json);
    },
    (newest) => {
      recent._stored(newest);
      if (recent._full()) delivery._run(false, true);
    },
  );
  const delivery = createDelivery({
    _settings: settings,
    _lockName: name,
    _queue: queue,
    _recent: recent,
    _report: report,
    _written: writer._written,
  });
  // Started only while consent holds; the core sends '*' events only with it, too.
  let started = false;
  // Started once on this page: the database is open, or about to be.
  let opened = false;

  // Stored as JSON (serialized once per burst by the writer): what every send needs, and what the
  // page-hide send can post without more work. The core's events are JSON-safe.
  const onEvent = (event: JourneyEvent) => {
    if (started) writer._push(event);
  };

  const onHide = (event: Event) => {
    // Events tracked earlier in this task go too: a hidden page may run no other task.
    writer._serialize();
    delivery._hide(event.type === 'pagehide');
  };
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    // Optional calls: workers and server rendering have no window or document.
    globalThis.window?.[method]('online', delivery._online);
    globalThis.window?.[method]('pagehide', onHide);
    globalThis.document?.[method]('visibilitychange', onHide);
  };

  const start = () => {
    if (started) return;
    started = true;
    opened = true;
    listen('addEventListener');
    delivery._start();
  };

  const stop = () => {
    started = false;
    delivery._stop();
    listen('removeEventListener');
  };

  // Withdrawn consent forgets what is queued, as the core forgets what it stored: after the
  // write in progress, so no event of before the withdrawal lands after the clear.
  const withdraw = () => {
    stop();
    recent._clear();
    // Opened just for this when this page never had consent: an earlier page's events must go
    // too. But only when a database is there: a refusal on a first visit creates nothing.
    writer._discard(() => (opened ? queue._clear() : hasDatabase(name).then((has) => has && queue._clear())));
  };

  const offs = [tp.on('*', onEvent), tp.on('consent', (granted) => (granted ? start() : withdraw()))];
  if (tp.consented) start();

  return {
    flush: async () => {
      await writer._written();
      await delivery._run(true);
    },
    stop: () => {
      stop();
      for (const off of offs) off();
    },
  };
}
