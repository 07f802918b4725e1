// Test doubles for the adapter: the slice of the core it needs, a page (window, document,
// navigator) for Node, and an msw collector that records what it receives.
import type { JourneyEvent } from '@touchpoint/core';
import { HttpResponse, http } from 'msw';
import type { SetupServer } from 'msw/node';
import { vi } from 'vitest';

type Listener = (payload: never) => void;

/** `Pick<Touchpoint, 'on' | 'consented'>` plus `emit` and `consent` to drive it. */
export function fakeHost({ consented = true } = {}) {
  const listeners = new Map<string, Set<Listener>>();
  const host = {
    consented,
    on(type: string, fn: Listener) {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set.add(fn));
      return () => void set.delete(fn);
    },
    emit(event: JourneyEvent) {
      for (const fn of listeners.get('*') ?? []) (fn as (e: JourneyEvent) => void)(event);
    },
    consent(granted: boolean) {
      host.consented = granted;
      for (const fn of listeners.get('consent') ?? []) (fn as (g: boolean) => void)(granted);
    },
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
  return host;
}

let counter = 0;

/** A valid event; `props.pad` makes it as large as a test needs. */
export function makeEvent(extra: Partial<JourneyEvent> = {}): JourneyEvent {
  counter++;
  return {
    id: `e${counter}`,
    type: 'track',
    name: 'clicked',
    ts: 1_700_000_000_000 + counter,
    anonymousId: 'a1',
    sessionId: 's1',
    page: { url: 'https://shop.test/p', path: '/p' },
    ...extra,
  };
}

type Grant = (lock: { name: string } | null) => unknown;

/**
 * `navigator.locks` for Node: exclusive locks by name, `ifAvailable` answered with a null lock,
 * waiters served in order. On release the lock passes straight to the next waiter, so a request
 * made in between cannot slip in.
 */
export function fakeLocks() {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  return {
    async request(name: string, options: { ifAvailable?: boolean }, callback: Grant) {
      if (held.has(name)) {
        if (options.ifAvailable) return callback(null);
        const queue = waiting.get(name) ?? [];
        waiting.set(name, queue);
        await new Promise<void>((resolve) => queue.push(resolve));
      } else held.add(name);
      try {
        return await callback({ name });
      } finally {
        const next = waiting.get(name)?.shift();
        next ? next() : held.delete(name);
      }
    },
    held: (name: string) => held.has(name),
  };
}

/** A page for Node: window and document as event targets, navigator with onLine, sendBeacon and locks. */
export function fakePage() {
  const count = new Map<string, number>();
  const target = <T extends object>(extra: T) => {
    const t = Object.assign(new EventTarget(), extra);
    const add = t.addEventListener.bind(t);
    const remove = t.removeEventListener.bind(t);
    t.addEventListener = (type: string, fn: EventListenerOrEventListenerObject | null) => {
      count.set(type, (count.get(type) ?? 0) + 1);
      add(type, fn);
    };
    t.removeEventListener = (type: string, fn: EventListenerOrEventListenerObject | null) => {
      count.set(type, (count.get(type) ?? 0) - 1);
      remove(type, fn);
    };
    return t;
  };
  const page = {
    window: target({}),
    document: target({ visibilityState: 'visible' as DocumentVisibilityState }),
    navigator: {
      onLine: true,
      sendBeacon: vi.fn((_url: string, _body: string) => true),
      locks: fakeLocks() as ReturnType<typeof fakeLocks> | undefined,
    },
    /** Listeners added and not removed, over every type. */
    listeners: () => [...count.values()].reduce((a, b) => a + b, 0),
  };
  vi.stubGlobal('window', page.window);
  vi.stubGlobal('document', page.document);
  vi.stubGlobal('navigator', page.navigator);
  return page;
}

/** One request as the collector saw it. */
export interface Received {
  sentAt: number;
  events: JourneyEvent[];
  dropped?: number;
  contentType: string | null;
}

type Answer = (request: Received, n: number) => Response | Promise<Response>;

/** Installs a collector at `url`; `answer` decides each response (204 by default). */
export function collector(server: Pick<SetupServer, 'use'>, url: string, answer?: Answer) {
  const received: Received[] = [];
  server.use(
    http.post(url, async ({ request }) => {
      const contentType = request.headers.get('Content-Type');
      const got = { ...((await request.json()) as Omit<Received, 'contentType'>), contentType };
      received.push(got);
      return answer ? answer(got, received.length) : new HttpResponse(null, { status: 204 });
    }),
  );
  return {
    received,
    /** Every event id delivered, in order. */
    ids: () => received.flatMap((r) => r.events.map((e) => e.id)),
  };
}

/** One request exactly as it arrived, for formats other than the SPEC's. */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  /** UTF-8 bytes of the body as sent. */
  bytes: number;
}

/** Records every request to `url` whatever its body; `answer` decides each response (200 by default). */
export function recorder(
  server: Pick<SetupServer, 'use'>,
  url: string,
  answer?: (request: RawRequest, n: number) => Response,
) {
  const requests: RawRequest[] = [];
  server.use(
    http.all(url, async ({ request }) => {
      const text = await request.text();
      const got: RawRequest = {
        method: request.method,
        path: new URL(request.url).pathname,
        headers: Object.fromEntries(request.headers),
        body: JSON.parse(text),
        bytes: new TextEncoder().encode(text).length,
      };
      requests.push(got);
      return answer ? answer(got, requests.length) : new HttpResponse(null, { status: 200 });
    }),
  );
  return requests;
}

/**
 * Holds back every `indexedDB.open` of the page until `release()`: a slow or blocked open, as a
 * busy disk or another connection makes it. idb-keyval's handlers are forwarded to a real open
 * made at release, so what was waiting then runs against the real database, in order.
 */
export function holdOpens() {
  const realOpen = indexedDB.open.bind(indexedDB);
  const held: (() => void)[] = [];
  let released = false;
  vi.spyOn(indexedDB, 'open').mockImplementation((name: string) => {
    if (released) return realOpen(name);
    type Handler = ((event: Event) => void) | null;
    const request: Record<string, Handler> = {};
    held.push(() => {
      const real = realOpen(name);
      Object.defineProperties(request, {
        result: { get: () => real.result },
        error: { get: () => real.error },
      });
      const forward = real as unknown as Record<string, Handler>;
      for (const type of ['onupgradeneeded', 'onsuccess', 'onerror', 'onblocked'])
        forward[type] = (event) => request[type]?.(event);
    });
    return request as unknown as IDBOpenDBRequest;
  });
  return {
    release() {
      released = true;
      for (const open of held.splice(0)) open();
    },
  };
}
