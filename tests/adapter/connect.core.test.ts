// The adapter on the real core rather than the fake host: consent, '*' and the event shape
// agree across the seam of packages/core/src/types.ts. A `window` and no document: both
// packages are inert without `window` (server rendering), and the core's DOM features are not
// needed here.
import 'fake-indexeddb/auto';
import { connect } from '@touchpoint/adapter';
import { createTouchpoint } from '@touchpoint/core';
import { IDBFactory } from 'fake-indexeddb';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { collector } from './fake-host';

const server = setupServer();
const url = 'https://collect.test/core';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.stubGlobal('window', new EventTarget());
});
afterEach(() => vi.unstubAllGlobals());

it('delivers the events of a real core only once consent is given, and opens no database before', async () => {
  const { received } = collector(server, url);
  const tp = createTouchpoint({ requireConsent: true, autoPageviews: false });
  const link = connect(tp, { endpoint: url });
  const opened = vi.spyOn(indexedDB, 'open');
  tp.track('before_consent');
  await link.flush();
  expect(received).toHaveLength(0);
  expect(opened).not.toHaveBeenCalled();
  tp.consent(true);
  tp.stage('purchase', { orderId: 'A-1' });
  tp.track('order_completed', { total: 42 });
  await link.flush();
  const events = received.flatMap((r) => r.events);
  // The core holds events recorded before consent and releases them once it is given.
  expect(events.map((e) => e.name ?? e.stage)).toEqual(
    expect.arrayContaining(['before_consent', 'purchase', 'order_completed']),
  );
  for (const e of events) expect(e).toMatchObject({ id: expect.any(String), ts: expect.any(Number) });
  link.stop();
});
