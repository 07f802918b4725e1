import { createRateLimiter, take } from '../../packages/collector/src/rate-limit.js';

const limit = { burst: 3, perSecond: 2 };

describe('take', () => {
  it.each([
    ['a new client', undefined, 0, true, 2],
    ['a client with tokens left', { tokens: 1.5, at: 0 }, 0, true, 0.5],
    ['a client out of tokens', { tokens: 0.5, at: 0 }, 0, false, 0.5],
    ['a client refilled by waiting', { tokens: 0, at: 0 }, 500, true, 0],
    ['a client refilled to the burst, no more', { tokens: 0, at: 0 }, 60_000, true, 2],
  ])('%s', (_case, bucket, now, allowed, tokensAfter) => {
    const taken = take(bucket, now, limit);
    expect(taken.allowed).toBe(allowed);
    expect(taken.bucket.tokens).toBeCloseTo(tokensAfter);
    expect(taken.bucket.at).toBe(now);
  });

  it.each([
    [0.5, 1, 1],
    [0.9, 1, 1],
    [0, 0.5, 2],
    [0, 0.1, 10],
  ])(
    'asks a client with %f tokens refilled at %f/s to retry in %i whole seconds, never 0',
    (tokens, perSecond, seconds) => {
      const taken = take({ tokens, at: 0 }, 0, { burst: 3, perSecond });
      expect(taken.allowed).toBe(false);
      expect(!taken.allowed && taken.retryAfterSeconds).toBe(seconds);
    },
  );
});

describe('createRateLimiter', () => {
  it('limits each address on its own', () => {
    let now = 0;
    const check = createRateLimiter(limit, () => now);
    expect([1, 2, 3, 4].map(() => check('10.0.0.1').allowed)).toEqual([true, true, true, false]);
    expect(check('10.0.0.2').allowed).toBe(true);
    now = 500;
    expect(check('10.0.0.1').allowed).toBe(true);
    expect(check('10.0.0.1').allowed).toBe(false);
  });
});
