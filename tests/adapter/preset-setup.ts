// What the preset tests share: an msw server, page globals, fake IndexedDB, and four events
// (track, page, identify, survey) with everything a preset maps.
import 'fake-indexeddb/auto';
import { type ConnectOptions, connect, type Link } from '@touchpoint/adapter';
import type { JourneyEvent } from '@touchpoint/core';
import { IDBFactory } from 'fake-indexeddb';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { fakeHost, fakePage, makeEvent } from './fake-host';

export const server = setupServer();
let links: Link[] = [];
/** The fake page of the running test (a live binding, set before each test). */
export let page: ReturnType<typeof fakePage>;

/** Installs the hooks; call once at the top of a test file. */
export function presetSuite() {
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
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}

export function open(options: ConnectOptions) {
  const host = fakeHost();
  const link = connect(host, options);
  links.push(link);
  return { host, link };
}

const where = {
  url: 'https://shop.test/checkout/done?step=3',
  path: '/checkout/done',
  title: 'Thank you',
  referrer: 'https://shop.test/cart',
};

/** The four kinds of event a preset maps, with every field set (no `name` but on track). */
export function sampleEvents(): [
  track: JourneyEvent,
  page: JourneyEvent,
  identify: JourneyEvent,
  survey: JourneyEvent,
] {
  const unnamed = (e: JourneyEvent) => {
    delete e.name;
    return e;
  };
  return [
    makeEvent({
      name: 'order_completed',
      stage: 'purchase',
      props: { total: 42 },
      userId: 'u7',
      page: where,
    }),
    unnamed(makeEvent({ type: 'page', stage: 'purchase', userId: 'u7', page: where })),
    unnamed(makeEvent({ type: 'identify', userId: 'u7', props: { plan: 'pro' }, page: where })),
    unnamed(
      makeEvent({
        type: 'survey_answered',
        stage: 'purchase',
        props: { surveyId: 'checkout-csat', metric: 'csat', score: 4, trail: [{ stage: 'purchase' }] },
        page: where,
      }),
    ),
  ];
}

export const iso = (ts: number) => new Date(ts).toISOString();
