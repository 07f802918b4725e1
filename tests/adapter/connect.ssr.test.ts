// connect() during server rendering: no window, so nothing is stored, sent or scheduled.
import { connect } from '@touchpoint/adapter';
import { createTouchpoint } from '@touchpoint/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { collector } from './fake-host';

const server = setupServer();
const url = 'https://collect.test/ssr';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => vi.useRealTimers());

it('without window, sends nothing, starts no timer, opens no IndexedDB and prints nothing', async () => {
  expect(typeof window).toBe('undefined');
  vi.useFakeTimers();
  const opened = vi.fn();
  vi.stubGlobal('indexedDB', { open: opened });
  const said = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const { received } = collector(server, url);
  const tp = createTouchpoint();
  const link = connect(tp, { endpoint: url, flushIntervalMs: 1000 });
  tp.track('rendered');
  tp.consent(true);
  tp.page();
  await link.flush();
  expect(vi.getTimerCount()).toBe(0);
  await vi.advanceTimersByTimeAsync(60_000);
  link.stop();
  expect(received).toEqual([]);
  expect(opened).not.toHaveBeenCalled();
  expect([...said.mock.calls, ...errors.mock.calls]).toEqual([]);
  vi.unstubAllGlobals();
});
