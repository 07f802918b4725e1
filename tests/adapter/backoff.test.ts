import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, retryDelay } from '../../packages/adapter/src/backoff';

describe('retryDelay', () => {
  it.each([
    [0, 1, 1000],
    [1, 1, 2000],
    [3, 0.5, 4000],
    [20, 1, BACKOFF_CAP_MS],
    [20, 0.5, BACKOFF_CAP_MS / 2],
    [2, 0, 0],
  ])('attempt %i with random %f waits %i ms (full jitter, capped)', (attempt, random, ms) => {
    expect(retryDelay(attempt, null, 0, () => random)).toBe(ms);
  });

  const now = Date.parse('2030-01-01T00:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 500],
    ['Tue, 01 Jan 2030 00:00:30 GMT', 30_000],
    ['Mon, 31 Dec 2029 23:00:00 GMT', 500],
    ['99999999', BACKOFF_CAP_MS],
    ['soon', 500],
    // Date.parse is lenient: V8 reads "-5" as the year -5, a date long past, so no extra wait.
    ['-5', 500],
    ['', 500],
    [null, 500],
    [undefined, 500],
  ])('reads Retry-After %j as a minimum over the backoff: %s ms', (header, ms) => {
    // The backoff of attempt 0 at random 0.5 is 500 ms.
    expect(retryDelay(0, header, now, () => 0.5)).toBe(ms);
  });
});
