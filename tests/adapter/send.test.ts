import { afterEach, describe, expect, it, vi } from 'vitest';
import { post, REQUEST_TIMEOUT_MS } from '../../packages/adapter/src/send';

const url = 'https://collect.test/send';
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const answer = (status: number, headers: Record<string, string> = {}) =>
  vi.fn(async (_url: string, _init?: RequestInit) => new Response(null, { status, headers }));

describe('post', () => {
  it('sends JSON and reads the status and Retry-After', async () => {
    const fetch = answer(429, { 'Retry-After': '30' });
    vi.stubGlobal('fetch', fetch);
    expect(await post(url, '{"a":1}', { 'X-Key': 'k' })).toEqual([429, '30']);
    const init = fetch.mock.calls[0]?.[1];
    expect(init).toMatchObject({ method: 'POST', body: '{"a":1}', keepalive: false });
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json', 'X-Key': 'k' });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads a network error as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await post(url, '{}', {})).toEqual([0]);
  });

  it('aborts a request without an answer after REQUEST_TIMEOUT_MS and reads it as 408', async () => {
    vi.useFakeTimers();
    // Node's AbortSignal.timeout runs on timers that fake timers cannot drive: an equivalent they can.
    vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), ms);
      return controller.signal;
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
          ),
      ),
    );
    const outcome = post(url, '{}', {});
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
    let settled = false;
    void outcome.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toEqual([408]);
  });

  it('sends text/plain alone, with keepalive and no timeout, while the page hides (no preflight)', async () => {
    const fetch = answer(204);
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('navigator', { sendBeacon: vi.fn() });
    expect((await post(url, '{}', { 'X-Key': 'k' }, true))[0]).toBe(204);
    const init = fetch.mock.calls[0]?.[1];
    expect(init).toMatchObject({ keepalive: true, signal: null });
    // No header of its own: the platform types a string body text/plain;charset=UTF-8.
    expect(init?.headers).toEqual({});
    expect(new Request(url, { ...init, keepalive: false }).headers.get('Content-Type')).toBe(
      'text/plain;charset=UTF-8',
    );
    expect(navigator.sendBeacon).not.toHaveBeenCalled();
  });

  it.each([
    ['is missing', undefined],
    ['fails', vi.fn().mockRejectedValue(new TypeError('keepalive quota'))],
  ])('falls back to sendBeacon when fetch %s while the page hides', async (_name, fetch) => {
    vi.stubGlobal('fetch', fetch);
    const sendBeacon = vi.fn(() => true);
    vi.stubGlobal('navigator', { sendBeacon });
    expect(await post(url, '{"b":2}', {}, true)).toEqual([0]);
    expect(sendBeacon).toHaveBeenCalledWith(url, '{"b":2}');
  });

  it('never rejects, even when sendBeacon throws', async () => {
    vi.stubGlobal('fetch', undefined);
    vi.stubGlobal('navigator', {
      sendBeacon: () => {
        throw new TypeError('Illegal invocation');
      },
    });
    await expect(post(url, '{}', {}, true)).resolves.toEqual([0]);
  });
});
