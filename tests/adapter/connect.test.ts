import { CONNECT_DEFAULTS, connect, type Format, type Link } from '@touchpoint/adapter';
import type { JourneyEvent } from '@touchpoint/core';
import { BACKOFF_CAP_MS } from '../../packages/adapter/src/backoff';
import { OPEN_TIMEOUT_MS } from '../../packages/adapter/src/queue-store';
import { REQUEST_TIMEOUT_MS } from '../../packages/adapter/src/send';
import 'fake-indexeddb/auto';
import { IDBDatabase, IDBFactory } from 'fake-indexeddb';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { collector, fakeHost, fakePage, holdOpens, makeEvent, recorder } from './fake-host';

const server = setupServer();
const url = 'https://collect.test/v1/events';
let links: Link[] = [];
let page: ReturnType<typeof fakePage>;

// Timers are faked except setImmediate, which fake-indexeddb schedules its work with.
const fakeTimers = () =>
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });

const open = (host = fakeHost(), options = {}) => {
  const link = connect(host, { endpoint: url, ...options });
  links.push(link);
  return link;
};

/** An adapter on an offline page with one event queued: where withdrawals and reconnections start. */
const offlineWithEvent = () => {
  const delivered = collector(server, url);
  page.navigator.onLine = false;
  const host = fakeHost();
  const link = open(host);
  host.emit(makeEvent());
  return { ...delivered, host, link };
};

const status = (code: number, headers: Record<string, string> = {}) =>
  new HttpResponse(null, { status: code, headers });

/** Lets fake-indexeddb and msw finish what they have started (they run on real macrotasks). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  page = fakePage();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  for (const link of links) link.stop();
  links = [];
  server.resetHandlers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const warnings = () => vi.mocked(console.warn).mock.calls.map((call) => String(call[0]));

describe('batching', () => {
  it('sends events in batches of at most batchSize, oldest first, as application/json', async () => {
    const { received, ids } = collector(server, url);
    const host = fakeHost();
    const link = open(host, { batchSize: 3 });
    const events = Array.from({ length: 7 }, () => makeEvent());
    for (const e of events) host.emit(e);
    await link.flush();
    expect(received.map((r) => r.events.length)).toEqual([3, 3, 1]);
    expect(ids()).toEqual(events.map((e) => e.id));
    expect(received[0]?.contentType).toBe('application/json');
    expect(received[0]?.events[0]).toEqual(events[0]);
    expect(received[0]).not.toHaveProperty('dropped');
    expect(warnings().filter((w) => w.includes('IndexedDB'))).toEqual([]);
  });

  it('keeps each request body within maxBatchBytes', async () => {
    const { received } = collector(server, url);
    const host = fakeHost();
    const link = open(host, { maxBatchBytes: 2000 });
    for (let i = 0; i < 6; i++) host.emit(makeEvent({ props: { pad: 'x'.repeat(500) } }));
    await link.flush();
    expect(received.length).toBeGreaterThan(1);
    for (const r of received) expect(JSON.stringify(r).length).toBeLessThanOrEqual(2000);
    expect(received.flatMap((r) => r.events)).toHaveLength(6);
  });

  it('sends as soon as a batch is full, without waiting for the interval', async () => {
    fakeTimers();
    const { received } = collector(server, url);
    const host = fakeHost();
    open(host, { batchSize: 5 });
    for (let i = 0; i < 5; i++) host.emit(makeEvent());
    await settle();
    expect(received.map((r) => r.events.length)).toEqual([5]);
  });

  it('sends a partial batch every flushIntervalMs', async () => {
    fakeTimers();
    const { received } = collector(server, url);
    const host = fakeHost();
    open(host, { flushIntervalMs: 5000 });
    await settle();
    host.emit(makeEvent());
    await settle();
    expect(received).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(5000);
    await settle();
    expect(received.map((r) => r.events.length)).toEqual([1]);
  });

  it('writes a burst of events in one transaction, not one each', async () => {
    collector(server, url);
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const host = fakeHost();
    const link = open(host, { batchSize: 1000 });
    for (let i = 0; i < 100; i++) host.emit(makeEvent());
    await settle();
    const writes = transaction.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes).toHaveLength(1);
    await link.flush();
  });
});

describe('answers of the collector', () => {
  it.each([408, 429, 500, 503])(
    'retries a batch answered %i with backoff, then delivers it',
    async (code) => {
      fakeTimers();
      vi.spyOn(Math, 'random').mockReturnValue(0.5);
      const { ids, received } = collector(server, url, (_r, n) => (n === 1 ? status(code) : status(200)));
      const host = fakeHost();
      const link = open(host);
      const e = makeEvent();
      host.emit(e);
      await link.flush();
      expect(received).toHaveLength(1);
      // Full jitter of the first attempt: 0.5 × 1000 ms.
      await vi.advanceTimersByTimeAsync(499);
      await settle();
      expect(received).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await link.flush();
      expect(ids()).toEqual([e.id, e.id]);
      await link.flush();
      expect(received).toHaveLength(2);
    },
  );

  it('waits as long as Retry-After says, in seconds or as an HTTP date', async () => {
    fakeTimers();
    vi.setSystemTime(Date.parse('2030-01-01T00:00:00Z'));
    const answers = [
      status(429, { 'Retry-After': '30' }),
      status(503, { 'Retry-After': 'Tue, 01 Jan 2030 00:01:30 GMT' }),
      status(204),
    ];
    const { received } = collector(server, url, (_r, n) => answers[n - 1] ?? status(204));
    const host = fakeHost();
    const link = open(host);
    host.emit(makeEvent());
    await link.flush();
    await vi.advanceTimersByTimeAsync(29_999);
    await settle();
    expect(received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await link.flush();
    expect(received).toHaveLength(2);
    // The date is 90 s after the start, 60 s after the second request.
    await vi.advanceTimersByTimeAsync(59_000);
    await settle();
    expect(received).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    await link.flush();
    expect(received).toHaveLength(3);
  });

  it.each([
    ['0', '0'],
    ['a past date', 'Tue, 01 Jan 2030 00:00:00 GMT'],
  ])('treats Retry-After %s as a minimum and still backs off longer each attempt', async (_name, header) => {
    fakeTimers();
    vi.setSystemTime(Date.parse('2030-01-01T00:10:00Z'));
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const { received } = collector(server, url, () => status(429, { 'Retry-After': header }));
    const host = fakeHost();
    const link = open(host);
    host.emit(makeEvent());
    await link.flush();
    expect(received).toHaveLength(1);
    // Backoff of attempt 0 is 500 ms, of attempt 1 1000 ms (full jitter at 0.5).
    await vi.advanceTimersByTimeAsync(300);
    await settle();
    expect(received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await settle();
    expect(received).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    await settle();
    expect(received).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(received).toHaveLength(3);
  });

  it('splits a batch answered 413 and drops alone an event that is still too large', async () => {
    const { received } = collector(server, url, (r) =>
      r.events.length > 2 || r.events.some((e) => e.name === 'huge') ? status(413) : status(200),
    );
    const host = fakeHost();
    const link = open(host);
    const events = Array.from({ length: 8 }, (_, i) => makeEvent(i === 5 ? { name: 'huge' } : {}));
    for (const e of events) host.emit(e);
    await link.flush();
    const accepted = received.filter((r) => r.events.length <= 2 && !r.events.some((e) => e.name === 'huge'));
    expect(accepted.flatMap((r) => r.events.map((e) => e.id))).toEqual(
      events.filter((e) => e.name !== 'huge').map((e) => e.id),
    );
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/^\[touchpoint\] .*413/));
    const huge = received.filter((r) => r.events.some((e) => e.name === 'huge'));
    expect(huge.at(-1)?.events).toHaveLength(1);
    const sent = received.length;
    await link.flush();
    expect(received).toHaveLength(sent);
  });

  it.each([400, 401, 403, 422])(
    'splits a batch answered %i until the event refused alone is found, and drops only that one',
    async (code) => {
      const accepted: string[] = [];
      const { received } = collector(server, url, (r) => {
        if (r.events.some((e) => e.name === 'poison')) return status(code);
        accepted.push(...r.events.map((e) => e.id));
        return status(204);
      });
      const host = fakeHost();
      const link = open(host);
      const events = Array.from({ length: 20 }, (_, i) => makeEvent(i === 7 ? { name: 'poison' } : {}));
      for (const e of events) host.emit(e);
      await link.flush();
      const poison = events[7] as JourneyEvent;
      expect(accepted).toEqual(events.filter((e) => e !== poison).map((e) => e.id));
      expect(console.error).toHaveBeenCalledTimes(1);
      expect(console.error).toHaveBeenCalledWith(
        `[touchpoint] collector answered ${code} to event ${poison.id} (track) alone; event dropped`,
      );
      // Counted once, in the `dropped` of the first batch after it, and never sent again.
      const sent = received.length;
      const later = makeEvent();
      host.emit(later);
      await link.flush();
      expect(received.slice(sent).flatMap((r) => r.events.map((e) => e.id))).toEqual([later.id]);
      const last = received.findLastIndex((r) => r.events.some((e) => e.id === poison.id));
      expect(received[last]?.events).toHaveLength(1);
      expect(received.map((r) => r.dropped ?? 0)).toEqual(received.map((_r, i) => (i === last + 1 ? 1 : 0)));
    },
  );

  it('aborts a request that hangs past REQUEST_TIMEOUT_MS and retries it', async () => {
    fakeTimers();
    // Node's AbortSignal.timeout runs on timers that fake timers cannot drive: an equivalent they can.
    vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), ms);
      return controller.signal;
    });
    const { received } = collector(server, url, (_r, n) =>
      n === 1 ? new Promise<Response>(() => {}) : status(204),
    );
    const host = fakeHost();
    const link = open(host);
    host.emit(makeEvent());
    const flushed = link.flush();
    await settle();
    expect(received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    await flushed;
    await vi.advanceTimersByTimeAsync(1000);
    await link.flush();
    expect(received).toHaveLength(2);
    await link.flush();
    expect(received).toHaveLength(2);
  });
});

describe('offline and reloads', () => {
  it('waits while navigator.onLine is false and sends on the online event', async () => {
    const { ids } = collector(server, url);
    page.navigator.onLine = false;
    const host = fakeHost();
    const link = open(host);
    const e = makeEvent();
    host.emit(e);
    await link.flush();
    expect(ids()).toEqual([]);
    page.navigator.onLine = true;
    page.window.dispatchEvent(new Event('online'));
    await link.flush();
    expect(ids()).toEqual([e.id]);
  });

  it('waits for the online event after a network error while offline', async () => {
    let failing = true;
    const { ids } = collector(server, url, () => {
      if (!failing) return status(204);
      page.navigator.onLine = false;
      return HttpResponse.error();
    });
    const host = fakeHost();
    const link = open(host);
    host.emit(makeEvent());
    await link.flush();
    await link.flush();
    expect(ids()).toHaveLength(1);
    failing = false;
    page.navigator.onLine = true;
    page.window.dispatchEvent(new Event('online'));
    await link.flush();
    expect(ids()).toHaveLength(2);
  });

  it('delivers what a previous page left in the queue exactly once, from a new adapter', async () => {
    let up = false;
    const { received } = collector(server, url, () => status(up ? 204 : 503));
    const first = fakeHost();
    const before = open(first);
    const events = Array.from({ length: 45 }, () => makeEvent());
    for (const e of events) first.emit(e);
    await before.flush();
    before.stop();
    const failed = received.length;
    up = true;
    const link = open(fakeHost());
    await link.flush();
    const delivered = received.slice(failed).flatMap((r) => r.events.map((e) => e.id));
    expect(delivered).toEqual(events.map((e) => e.id));
    await link.flush();
    await open(fakeHost()).flush();
    expect(received.slice(failed).flatMap((r) => r.events)).toHaveLength(45);
  });
});

describe('consent given again', () => {
  it('is not held back by a retry that a request answered after the withdrawal', async () => {
    fakeTimers();
    let answer = (_response: Response) => {};
    const { ids, received } = collector(server, url, (_r, n) =>
      n === 1 ? new Promise<Response>((resolve) => (answer = resolve)) : status(204),
    );
    const host = fakeHost();
    const link = open(host, { batchSize: 1 });
    host.emit(makeEvent());
    await settle();
    expect(received).toHaveLength(1);
    host.consent(false);
    answer(status(503, { 'Retry-After': '300' }));
    await settle();
    host.consent(true);
    const e = makeEvent();
    host.emit(e);
    await link.flush();
    expect(ids().slice(1)).toEqual([e.id]);
    expect(vi.getTimerCount()).toBe(1); // the flush interval only
  });

  it('forgets an offline state it could not hear end while stopped', async () => {
    const { ids, host, link } = offlineWithEvent();
    await link.flush();
    host.consent(false);
    page.navigator.onLine = true;
    page.window.dispatchEvent(new Event('online'));
    host.consent(true);
    const e = makeEvent();
    host.emit(e);
    await link.flush();
    expect(ids()).toEqual([e.id]);
  });
});

describe('bounds and broken storage', () => {
  it('drops the oldest events beyond maxQueue with one warning and reports them as dropped', async () => {
    const { received } = collector(server, url);
    page.navigator.onLine = false;
    const host = fakeHost();
    const link = open(host, { maxQueue: 5 });
    const events = Array.from({ length: 8 }, () => makeEvent());
    for (const e of events) host.emit(e);
    await link.flush();
    host.emit(makeEvent());
    await link.flush();
    page.navigator.onLine = true;
    page.window.dispatchEvent(new Event('online'));
    await link.flush();
    expect(received[0]?.dropped).toBe(4);
    expect(received.flatMap((r) => r.events.map((e) => e.id))).toEqual([
      ...events.slice(4).map((e) => e.id),
      expect.any(String),
    ]);
    expect(warnings().filter((w) => w.includes('maxQueue'))).toHaveLength(1);
    host.emit(makeEvent());
    await link.flush();
    expect(received.at(-1)).not.toHaveProperty('dropped');
  });

  it.each<[string, (event: JourneyEvent) => void]>([
    ['a BigInt', (event) => Object.assign(event.props ?? {}, { total: 10n })],
    ['a cycle', (event) => Object.assign(event.props ?? {}, { self: event })],
    ['a toJSON that gives nothing', (event) => Object.assign(event, { toJSON: () => undefined })],
  ])(
    "counts an event a later listener made unserializable (%s) in the next batch's dropped, like any drop",
    async (_, spoil) => {
      const { received, ids } = collector(server, url);
      const host = fakeHost();
      const link = open(host);
      const [good, bad, alone] = [makeEvent(), makeEvent({ props: {} }), makeEvent({ props: {} })];
      host.emit(good);
      host.emit(bad);
      // Changed by the page after it was tracked, in the same task.
      spoil(bad);
      await link.flush();
      // A burst of nothing but such an event is counted too.
      host.emit(alone);
      spoil(alone);
      await link.flush();
      host.emit(makeEvent());
      await link.flush();
      expect(ids()).toEqual([good.id, expect.any(String)]);
      expect(received.map((r) => r.dropped)).toEqual([1, 1]);
      expect(vi.mocked(console.error)).toHaveBeenCalledTimes(1);
      host.emit(makeEvent());
      await link.flush();
      expect(received.at(-1)).not.toHaveProperty('dropped');
    },
  );

  it.each([
    [
      'throws on open',
      () =>
        vi.spyOn(indexedDB, 'open').mockImplementation(() => {
          throw new DOMException('denied', 'SecurityError');
        }),
    ],
    ['is missing', () => vi.stubGlobal('indexedDB', undefined)],
  ])('queues in memory with one warning when IndexedDB %s', async (_name, breakIt) => {
    breakIt();
    const { ids } = collector(server, url);
    const host = fakeHost();
    const link = open(host, { batchSize: 2 });
    const events = Array.from({ length: 3 }, () => makeEvent());
    for (const e of events) host.emit(e);
    await link.flush();
    expect(ids()).toEqual(events.map((e) => e.id));
    expect(warnings().filter((w) => w.includes('IndexedDB'))).toHaveLength(1);
  });

  it('queues in memory with one warning when opening IndexedDB never answers', async () => {
    fakeTimers();
    // A blocked or stuck open: a request whose events never fire.
    vi.spyOn(indexedDB, 'open').mockReturnValue({} as IDBOpenDBRequest);
    const { ids } = collector(server, url);
    const host = fakeHost();
    const link = open(host);
    const e = makeEvent();
    host.emit(e);
    await settle();
    expect(ids()).toEqual([]);
    await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS);
    await link.flush();
    expect(ids()).toEqual([e.id]);
    expect(warnings().filter((w) => w.includes('IndexedDB'))).toEqual([
      '[touchpoint] IndexedDB failed (blocked); memory used',
    ]);
    expect(vi.getTimerCount()).toBe(1); // the flush interval, no deadline left behind
  });

  it('skips corrupted stored records with one warning and delivers the rest', async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(`touchpoint-queue ${url}`);
      request.onupgradeneeded = () => request.result.createObjectStore('events');
      request.onsuccess = () => resolve(request.result);
    });
    const cyclic: Record<string, unknown> = { id: 'c', type: 'track' };
    cyclic.self = cyclic;
    const good = makeEvent();
    const tx = db.transaction('events', 'readwrite');
    tx.objectStore('events').put('garbage', '0001');
    tx.objectStore('events').put('{"id":5}', '0002');
    tx.objectStore('events').put({ ...good, id: 'an object, not its JSON' }, '0005');
    tx.objectStore('events').put(cyclic, '0003');
    tx.objectStore('events').put(JSON.stringify(good), '0004');
    tx.objectStore('events').put('not a count', '~dropped');
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    const { received, ids } = collector(server, url);
    const link = open(fakeHost());
    await link.flush();
    expect(ids()).toEqual([good.id]);
    expect(received[0]).not.toHaveProperty('dropped');
    expect(warnings().filter((w) => w.includes('unreadable'))).toHaveLength(1);
  });
});

describe('several senders', () => {
  it('never sends the same event from two adapters on one database at once', async () => {
    const inFlight = new Set<string>();
    let overlaps = 0;
    const { ids } = collector(server, url, async (r) => {
      for (const e of r.events) {
        if (inFlight.has(e.id)) overlaps++;
        inFlight.add(e.id);
      }
      // Yield long enough for the other adapter to read the shared queue and send.
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      for (const e of r.events) inFlight.delete(e.id);
      return status(204);
    });
    const [a, b] = [fakeHost(), fakeHost()];
    const links = [open(a, { batchSize: 5 }), open(b, { batchSize: 5 })];
    const events = Array.from({ length: 60 }, (_, i) => {
      const e = makeEvent();
      (i % 2 ? a : b).emit(e);
      return e;
    });
    await Promise.all(links.map((link) => link.flush()));
    await Promise.all(links.map((link) => link.flush()));
    expect(overlaps).toBe(0);
    expect([...ids()].sort()).toEqual(events.map((e) => e.id).sort());
  });
});

describe('events another tab delivered', () => {
  it('no longer count towards a full batch of the tab that wrote them', async () => {
    const { received } = collector(server, url);
    const [a, b] = [fakeHost(), fakeHost()];
    const linkA = open(a, { batchSize: 5 });
    const linkB = open(b, { batchSize: 5 });
    await Promise.all([linkA.flush(), linkB.flush()]);
    for (let i = 0; i < 4; i++) b.emit(makeEvent());
    await settle();
    await linkA.flush();
    expect(received.map((r) => r.events.length)).toEqual([4]);
    const later = [makeEvent(), makeEvent(), makeEvent()];
    for (const e of later) {
      b.emit(e);
      await settle();
    }
    await linkB.flush();
    expect(received.map((r) => r.events.map((e) => e.id)).slice(1)).toEqual([later.map((e) => e.id)]);
  });

  it('are not sent again when the page that wrote them hides', async () => {
    const { received } = collector(server, url);
    const [a, b] = [fakeHost(), fakeHost()];
    const linkA = open(a, { batchSize: 5 });
    const linkB = open(b, { batchSize: 5 });
    await Promise.all([linkA.flush(), linkB.flush()]);
    for (let i = 0; i < 3; i++) b.emit(makeEvent());
    await settle();
    await linkA.flush();
    expect(received).toHaveLength(1);
    // B reads the queue (its interval tick, here a flush) before the page hides.
    await linkB.flush();
    page.window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(received).toHaveLength(1);
  });
});

describe('consent', () => {
  it('opens, writes and sends nothing before consent, and stops when it is withdrawn', async () => {
    const opened = vi.spyOn(indexedDB, 'open');
    const { ids } = collector(server, url);
    const host = fakeHost({ consented: false });
    const link = open(host);
    host.emit(makeEvent());
    await link.flush();
    expect(opened).not.toHaveBeenCalled();
    host.consent(true);
    const e = makeEvent();
    host.emit(e);
    await link.flush();
    expect(ids()).toEqual([e.id]);
    host.consent(false);
    host.emit(makeEvent());
    await link.flush();
    expect(ids()).toEqual([e.id]);
  });
});

describe('consent withdrawn', () => {
  /** Every record in the queue's database. */
  const stored = () =>
    new Promise<unknown[]>((resolve) => {
      const request = indexedDB.open(`touchpoint-queue ${url}`);
      request.onsuccess = () => {
        const all = request.result.transaction('events').objectStore('events').getAll();
        all.onsuccess = () => {
          request.result.close();
          resolve(all.result);
        };
      };
    });

  it('deletes the stored queue, the evicted count with it, and sends none of it later', async () => {
    const { ids, received } = collector(server, url);
    page.navigator.onLine = false;
    const host = fakeHost();
    const link = open(host, { maxQueue: 2 });
    for (let i = 0; i < 3; i++) host.emit(makeEvent());
    await link.flush();
    expect(await stored()).toHaveLength(3); // two events and the evicted count
    host.consent(false);
    await link.flush();
    expect(await stored()).toEqual([]);
    page.navigator.onLine = true;
    page.window.dispatchEvent(new Event('online'));
    host.consent(true);
    const after = makeEvent();
    host.emit(after);
    await link.flush();
    await open(fakeHost()).flush();
    expect(ids()).toEqual([after.id]);
    expect(received[0]).not.toHaveProperty('dropped');
  });

  it('deletes what an earlier page stored when this page never had consent', async () => {
    const { ids } = collector(server, url);
    page.navigator.onLine = false;
    const earlier = fakeHost();
    const before = open(earlier);
    earlier.emit(makeEvent());
    await before.flush();
    before.stop();
    expect(await stored()).toHaveLength(1);
    page.navigator.onLine = true;
    const host = fakeHost({ consented: false });
    const link = open(host);
    host.consent(false);
    await link.flush();
    expect(await stored()).toEqual([]);
    host.consent(true);
    await link.flush();
    await open(fakeHost()).flush();
    expect(ids()).toEqual([]);
  });

  it('deletes events a slow IndexedDB stored after the queue moved to memory', async () => {
    fakeTimers();
    const opens = holdOpens();
    const { ids, host, link } = offlineWithEvent();
    await settle();
    // No answer within the deadline: the queue moves to memory, and the write waits on.
    await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS);
    expect(warnings()).toContain('[touchpoint] IndexedDB failed (blocked); memory used');
    // The open answers at last: the waiting write lands in IndexedDB.
    opens.release();
    await settle();
    host.consent(false);
    await link.flush();
    await settle();
    expect(await stored()).toEqual([]);
    page.navigator.onLine = true;
    page.window.dispatchEvent(new Event('online'));
    host.consent(true);
    await link.flush();
    await open(fakeHost()).flush();
    expect(ids()).toEqual([]);
  });

  it('withdraws without a throw or a rejection when IndexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const { ids, host, link } = offlineWithEvent();
    await link.flush();
    expect(() => host.consent(false)).not.toThrow();
    await link.flush();
    page.navigator.onLine = true;
    host.consent(true);
    await link.flush();
    expect(ids()).toEqual([]);
  });

  it('drops events written in the same task as the withdrawal', async () => {
    const { ids } = collector(server, url);
    const host = fakeHost();
    const link = open(host);
    host.emit(makeEvent());
    host.consent(false);
    await link.flush();
    await open(fakeHost()).flush();
    expect(await stored()).toEqual([]);
    expect(ids()).toEqual([]);
  });
});

describe('page hide', () => {
  it('sends the newest events with a keepalive text/plain request when the page is hidden', async () => {
    const { received, ids } = collector(server, url);
    const host = fakeHost();
    const link = open(host);
    const events = [makeEvent(), makeEvent()];
    for (const e of events) host.emit(e);
    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(received[0]?.contentType).toBe('text/plain;charset=UTF-8');
    expect(ids()).toEqual(events.map((e) => e.id));
    await link.flush();
    expect(received).toHaveLength(1);
  });

  it('falls back to sendBeacon without fetch and keeps the events queued until acknowledged', async () => {
    const { ids } = collector(server, url);
    const host = fakeHost();
    const link = open(host);
    const e = makeEvent();
    host.emit(e);
    const realFetch = globalThis.fetch;
    Object.assign(globalThis, { fetch: undefined });
    try {
      page.window.dispatchEvent(new Event('pagehide'));
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(page.navigator.sendBeacon).toHaveBeenCalledWith(url, expect.stringContaining(`"id":"${e.id}"`));
    expect(ids()).toEqual([]);
    await link.flush();
    expect(ids()).toEqual([e.id]);
  });
});

describe('page hide while delivery waits', () => {
  const hide = () => {
    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
  };

  it('sends nothing while a retry is due, on a tab switch or at pagehide', async () => {
    fakeTimers();
    const { received } = collector(server, url, (_r, n) =>
      n === 1 ? status(503, { 'Retry-After': '60' }) : status(204),
    );
    const host = fakeHost();
    const link = open(host);
    host.emit(makeEvent());
    await link.flush();
    expect(received).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      hide();
      page.document.visibilityState = 'visible';
    }
    page.window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(received).toHaveLength(1);
    expect(page.navigator.sendBeacon).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    await link.flush();
    expect(received).toHaveLength(2);
  });

  it('sends nothing while offline', async () => {
    const { received } = collector(server, url);
    page.navigator.onLine = false;
    const host = fakeHost();
    const link = open(host);
    host.emit(makeEvent());
    await link.flush();
    page.window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(received).toEqual([]);
    expect(page.navigator.sendBeacon).not.toHaveBeenCalled();
  });

  it('skips a tab switch while a drain is in flight, but not pagehide', async () => {
    let answer = (_response: Response) => {};
    const { received } = collector(server, url, (_r, n) =>
      n === 1 ? new Promise<Response>((resolve) => (answer = resolve)) : status(204),
    );
    const host = fakeHost();
    const link = open(host);
    const e = makeEvent();
    host.emit(e);
    const flushed = link.flush();
    await settle();
    expect(received).toHaveLength(1);
    hide();
    await settle();
    expect(received).toHaveLength(1);
    page.window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(received.map((r) => r.events.map((x) => x.id))).toEqual([[e.id], [e.id]]);
    answer(status(204));
    await flushed;
  });
});

describe('format', () => {
  it('sends the body and headers a format function builds, the app headers winning', async () => {
    const requests = recorder(server, url);
    const host = fakeHost();
    const link = open(host, {
      headers: { 'X-Team': 'app' },
      format: (events: JourneyEvent[], dropped: number) => ({
        body: JSON.stringify({ ids: events.map((e) => e.id), dropped }),
        headers: { 'X-Team': 'format', 'X-Key': 'k1' },
      }),
    });
    const events = [makeEvent(), makeEvent()];
    for (const e of events) host.emit(e);
    await link.flush();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers).toMatchObject({ 'x-team': 'app', 'x-key': 'k1' });
    expect(requests[0]?.body).toEqual({ ids: events.map((e) => e.id), dropped: 0 });
  });

  it('reports a format that throws once and keeps the events for a later try', async () => {
    const requests = recorder(server, url);
    let broken = true;
    const host = fakeHost();
    const link = open(host, {
      format: (events: JourneyEvent[]) => {
        if (broken) throw new Error('oops');
        return { body: JSON.stringify(events.map((e) => e.id)) };
      },
    });
    const e = makeEvent();
    host.emit(e);
    await link.flush();
    await link.flush();
    page.window.dispatchEvent(new Event('pagehide'));
    expect(requests).toEqual([]);
    expect(console.error).toHaveBeenCalledTimes(1);
    expect(console.error).toHaveBeenCalledWith('[touchpoint] delivery failed (Error: oops); will retry');
    broken = false;
    await link.flush();
    expect(requests.map((r) => r.body)).toEqual([[e.id]]);
  });

  it.each([
    ['a string', (events: JourneyEvent[]) => JSON.stringify(events)],
    ['a Promise', async (events: JourneyEvent[]) => ({ body: JSON.stringify(events) })],
    ['a body that is not a string', (events: JourneyEvent[]) => ({ body: { events } })],
    ['nothing', () => undefined],
  ])('reports a format that returns %s once and keeps the events, unsent', async (_name, bad) => {
    const requests = recorder(server, url);
    let broken = true;
    const host = fakeHost();
    const link = open(host, {
      format: ((events: JourneyEvent[]) =>
        broken ? bad(events) : { body: JSON.stringify(events.map((e) => e.id)) }) as unknown as Format,
    });
    const e = makeEvent();
    host.emit(e);
    await link.flush();
    await link.flush();
    page.window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(requests).toEqual([]);
    expect(console.error).toHaveBeenCalledTimes(1);
    expect(console.error).toHaveBeenCalledWith(
      '[touchpoint] delivery failed (TypeError: format must return { body: string, headers? }); will retry',
    );
    broken = false;
    await link.flush();
    expect(requests.map((r) => r.body)).toEqual([[e.id]]);
  });

  it('reports a header a format returns that fetch() would refuse, naming it, and sends nothing', async () => {
    const requests = recorder(server, url);
    const host = fakeHost();
    const link = open(host, {
      format: (events: JourneyEvent[]) => ({ body: JSON.stringify(events), headers: { 'X Key': 'k' } }),
    });
    host.emit(makeEvent());
    await link.flush();
    expect(requests).toEqual([]);
    expect(console.error).toHaveBeenCalledWith(
      '[touchpoint] delivery failed (TypeError: format returned a bad header "X Key"); will retry',
    );
  });

  it('warns about a format it does not know and sends the SPEC format instead', async () => {
    const { ids } = collector(server, url);
    const host = fakeHost();
    const link = open(host, { format: 'segment' });
    const e = makeEvent();
    host.emit(e);
    await link.flush();
    expect(ids()).toEqual([e.id]);
    expect(warnings()).toContain('[touchpoint] connect: bad format; default used');
  });
});

describe('lifecycle and options', () => {
  it('removes every listener and timer on stop', async () => {
    fakeTimers();
    collector(server, url);
    const host = fakeHost();
    const link = open(host);
    host.emit(makeEvent());
    await settle();
    expect(page.listeners()).toBe(3);
    expect(host.listenerCount()).toBe(2);
    link.stop();
    await settle();
    expect(page.listeners()).toBe(0);
    expect(host.listenerCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports a missing endpoint and bad numbers instead of throwing', async () => {
    const host = fakeHost();
    const link = connect(host, { endpoint: '' });
    await expect(link.flush()).resolves.toBeUndefined();
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/^\[touchpoint\] connect: no endpoint/));
    const { received } = collector(server, url);
    const other = open(host, { batchSize: -1, flushIntervalMs: Number.NaN });
    for (let i = 0; i < 21; i++) host.emit(makeEvent());
    await other.flush();
    expect(received.map((r) => r.events.length)).toEqual([20, 1]);
    expect(warnings()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('batchSize'),
        expect.stringContaining('flushIntervalMs'),
      ]),
    );
  });
});

describe('options checked at connect()', () => {
  it.each([
    ['a space in its name', { 'X Api Key': 'k1' }, 'X Api Key'],
    ['a line break in its value', { 'X-Api-Key': 'k1\r\nX-Evil: 1' }, 'X-Api-Key'],
    ['a character beyond Latin-1 in its value', { 'X-Team': 'café ☕' }, 'X-Team'],
  ])(
    'reports a header with %s, leaves it out and delivers without retrying',
    async (_case, headers, name) => {
      const requests = recorder(server, url);
      const host = fakeHost();
      const link = open(host, { headers: { ...headers, 'X-Ok': 'yes' } });
      host.emit(makeEvent());
      await link.flush();
      expect(console.error).toHaveBeenCalledWith(
        `[touchpoint] connect: bad header "${name}"; header left out`,
      );
      expect(requests).toHaveLength(1);
      expect(requests[0]?.headers['x-ok']).toBe('yes');
      await link.flush();
      expect(requests).toHaveLength(1);
    },
  );

  it('takes the default for a count that is not an integer, and says which and why', async () => {
    const { received } = collector(server, url);
    const host = fakeHost();
    const link = open(host, { batchSize: 0.5, maxQueue: 2.5 });
    for (let i = 0; i < 21; i++) host.emit(makeEvent());
    await link.flush();
    expect(received.map((r) => r.events.length)).toEqual([20, 1]);
    expect(warnings()).toEqual(
      expect.arrayContaining([
        '[touchpoint] connect: bad batchSize (0.5; an integer from 1 to 1000); default used',
        '[touchpoint] connect: bad maxQueue (2.5; an integer from 1 to 1000000); default used',
      ]),
    );
  });

  it('refuses a flushIntervalMs beyond what a timer can hold, with a warning, instead of firing at once', async () => {
    fakeTimers();
    const interval = vi.spyOn(globalThis, 'setInterval');
    open(fakeHost(), { flushIntervalMs: 2 ** 31 });
    expect(interval).toHaveBeenCalledWith(expect.any(Function), CONNECT_DEFAULTS.flushIntervalMs);
    expect(warnings()).toContain(
      '[touchpoint] connect: bad flushIntervalMs (2147483648; an integer from 1 to 2147483647); default used',
    );
  });
});

describe('an event the collector never accepts', () => {
  /** A collector that answers `code` to every request carrying the event named 'poison'. */
  const poisoned = (code: number) => {
    const accepted: string[] = [];
    const delivered = collector(server, url, (r) => {
      if (r.events.some((e) => e.name === 'poison')) return status(code);
      accepted.push(...r.events.map((e) => e.id));
      return status(204);
    });
    return { ...delivered, accepted };
  };

  it.each([
    ['oldest', 0],
    ['in the middle', 9],
  ])('does not hold back the others when it is answered 503 forever (%s)', async (_name, at) => {
    fakeTimers();
    // The longest waits the jitter can give: the worst case.
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const { accepted, received } = poisoned(503);
    const host = fakeHost();
    open(host);
    const events = Array.from({ length: 20 }, (_, i) => makeEvent(i === at ? { name: 'poison' } : {}));
    for (const e of events) host.emit(e);
    const poison = events[at] as JourneyEvent;
    let seconds = 0;
    while (accepted.length < 19 && seconds < 120) {
      await vi.advanceTimersByTimeAsync(1000);
      await settle();
      seconds++;
    }
    expect(accepted).toEqual(events.filter((e) => e !== poison).map((e) => e.id));
    // The README's worst case for a batch of 20: six failed requests a second apart at most.
    expect(seconds).toBeLessThanOrEqual(8);
    for (let i = 0; i < 10 && !vi.mocked(console.error).mock.calls.length; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      await settle();
    }
    expect(console.error).toHaveBeenCalledTimes(1);
    expect(console.error).toHaveBeenCalledWith(
      `[touchpoint] collector answered 503 to event ${poison.id} (track) alone; event dropped`,
    );
    const sent = received.length;
    await vi.advanceTimersByTimeAsync(600_000);
    await settle();
    expect(received.slice(sent).flatMap((r) => r.events)).toEqual([]);
  });

  it.each([503, 422])(
    'isolates several events answered %i among good ones and delivers every good one',
    async (code) => {
      fakeTimers();
      vi.spyOn(Math, 'random').mockReturnValue(0.999);
      const { accepted } = poisoned(code);
      const host = fakeHost();
      const link = open(host);
      const bad = new Set([2, 3, 11, 17, 18, 19, 24]);
      const events = Array.from({ length: 30 }, (_, i) => makeEvent(bad.has(i) ? { name: 'poison' } : {}));
      for (const e of events) host.emit(e);
      for (let second = 0; second < 120 && vi.mocked(console.error).mock.calls.length < bad.size; second++) {
        await vi.advanceTimersByTimeAsync(1000);
        await settle();
      }
      await link.flush();
      expect(accepted).toEqual(events.filter((e) => e.name !== 'poison').map((e) => e.id));
      expect(console.error).toHaveBeenCalledTimes(bad.size);
    },
  );

  it('is retried, not dropped, while it is the only event left', async () => {
    fakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const { received } = poisoned(503);
    const host = fakeHost();
    const link = open(host);
    host.emit(makeEvent({ name: 'poison' }));
    await link.flush();
    await vi.advanceTimersByTimeAsync(3_600_000);
    await settle();
    expect(received.length).toBeGreaterThan(5);
    expect(console.error).not.toHaveBeenCalled();
    // Once a later event goes through, the collector is known to work: the poison goes.
    const later = makeEvent();
    host.emit(later);
    await vi.advanceTimersByTimeAsync(BACKOFF_CAP_MS);
    await settle();
    await link.flush();
    expect(received.some((r) => r.events.some((e) => e.id === later.id))).toBe(true);
    expect(console.error).toHaveBeenCalledWith(
      expect.stringMatching(/^\[touchpoint\] collector answered 503 to event/),
    );
  });

  it.each([503, 400])(
    'drops nothing while every request is answered %i, and delivers all once it recovers',
    async (code) => {
      fakeTimers();
      let down = true;
      const accepted: string[] = [];
      const { received } = collector(server, url, (r) => {
        if (down) return status(code);
        accepted.push(...r.events.map((e) => e.id));
        return status(204);
      });
      const host = fakeHost();
      const link = open(host);
      const events = Array.from({ length: 20 }, () => makeEvent());
      for (const e of events) host.emit(e);
      await link.flush();
      for (let minute = 0; minute < 30; minute++) {
        await vi.advanceTimersByTimeAsync(60_000);
        await settle();
      }
      expect(received.length).toBeGreaterThan(10);
      down = false;
      await vi.advanceTimersByTimeAsync(BACKOFF_CAP_MS);
      await settle();
      await link.flush();
      expect(accepted.sort()).toEqual(events.map((e) => e.id).sort());
      expect(received.filter((r) => r.dropped)).toEqual([]);
      expect(console.error).not.toHaveBeenCalled();
    },
  );
});
