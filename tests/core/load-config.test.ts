import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyValue } from '../../packages/core/src/history';
import { CONFIG_KEY } from '../../packages/core/src/keys';
import { loadConfig } from '../../packages/core/src/load-config';
import type { JsonValue } from '../../packages/core/src/types';

const URL_ = 'https://cdn.example.com/touchpoint.config.json';
const good = { version: 1, surveys: [{ id: 'a', metric: 'nps', question: 'Q' }] };
const memoryStore = (): KeyValue & { data: Record<string, JsonValue> } => {
  const data: Record<string, JsonValue> = {};
  return {
    data,
    _get: (key) => data[key],
    _set: (key, value) => {
      if (value !== undefined) data[key] = value;
    },
  };
};
const respond = (body: string, status = 200) => vi.fn(async () => new Response(body, { status }));

describe('loadConfig', () => {
  let store: ReturnType<typeof memoryStore>;
  let warn: ReturnType<typeof vi.fn<(message: string, detail?: unknown) => void>>;
  beforeEach(() => {
    store = memoryStore();
    warn = vi.fn<(message: string, detail?: unknown) => void>();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('returns an object as it is, synchronously', () => {
    expect(loadConfig(good, store, warn)).toBe(good);
  });

  it('parses inline JSON synchronously, so the first page view already has it', () => {
    expect(loadConfig(`  ${JSON.stringify(good)}`, store, warn)).toEqual(good);
  });

  it('warns once and runs no surveys when inline JSON is broken', () => {
    expect(loadConfig('{"version": 1,', store, warn)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('config: not JSON; no surveys run', expect.any(Error));
  });

  it('fetches a URL with a timeout signal and caches the good copy', async () => {
    const fetch = respond(JSON.stringify(good));
    vi.stubGlobal('fetch', fetch);
    await expect(loadConfig(URL_, store, warn)).resolves.toEqual(good);
    expect(fetch).toHaveBeenCalledWith(URL_, { signal: expect.any(AbortSignal) });
    expect(store.data[CONFIG_KEY]).toEqual({ url: URL_, config: good });
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['the network fails', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))],
    ['the server answers 503', respond('busy', 503)],
    ['the body is not JSON', respond('<html>')],
    ['the body is not an object', respond('[1, 2]')],
    ['the body is a JSON error served with 200', respond('{"error":"rate limited"}')],
  ])('falls back to the cached copy with one warning when %s', async (_, fetch) => {
    store.data[CONFIG_KEY] = { url: URL_, config: good };
    vi.stubGlobal('fetch', fetch);
    await expect(loadConfig(URL_, store, warn)).resolves.toEqual(good);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(`config ${URL_}: not loaded; last good copy runs`);
    expect(store.data[CONFIG_KEY]).toEqual({ url: URL_, config: good });
  });

  it('runs no surveys when the fetch fails and the cached copy is of another URL', async () => {
    store.data[CONFIG_KEY] = { url: 'https://elsewhere.example/config.json', config: good };
    vi.stubGlobal('fetch', respond('', 500));
    await expect(loadConfig(URL_, store, warn)).resolves.toBeUndefined();
    expect(warn.mock.calls[0]?.[0]).toBe(`config ${URL_}: not loaded; no surveys run`);
  });

  it('gives up on a server slower than the timeout and runs the cached copy', async () => {
    vi.useFakeTimers();
    store.data[CONFIG_KEY] = { url: URL_, config: good };
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
          ),
      ),
    );
    // As in browsers without AbortSignal.timeout; its fallback timer is also one fake timers drive.
    const native = AbortSignal.timeout;
    Object.defineProperty(AbortSignal, 'timeout', { value: undefined, configurable: true });
    const loaded = loadConfig(URL_, store, warn, { timeoutMs: 100 });
    Object.defineProperty(AbortSignal, 'timeout', { value: native, configurable: true });
    await vi.advanceTimersByTimeAsync(99);
    expect(warn).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect(loaded).resolves.toEqual(good);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
