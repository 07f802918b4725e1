import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoff, retryAfter } from '../../packages/adapter/src/backoff';

describe('backoff', () => {
  it.each([
    [0, 1, 1000],
    [1, 1, 2000],
    [3, 0.5, 4000],
    [20, 1, BACKOFF_CAP_MS],
    [2, 0, 0],
  ])('attempt %i with random %f waits %i ms (full jitter, capped)', (attempt, random, ms) => {
    expect(backoff(attempt, () => random)).toBe(ms);
  });
});

describe('retryAfter', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Tue, 01 Jan 2030 00:00:30 GMT', 30_000],
    ['Mon, 31 Dec 2029 23:00:00 GMT', 0],
    ['99999999', BACKOFF_CAP_MS],
    ['soon', undefined],
    // Date.parse is lenient: V8 reads "-5" as the year -5, a date long past, so no extra wait.
    ['-5', 0],
    ['', undefined],
    [null, undefined],
  ])('reads %j as %s ms', (header, ms) => {
    expect(retryAfter(header, now)).toBe(ms);
  });
});
