// A token bucket per client address, so one broken page in a loop cannot starve the
// others. The rule is pure (take); the map of buckets is the only state, pruned as it grows.

export interface RateLimit {
  /** Requests a client may send in a burst. */
  burst: number;
  /** Requests per second a client may keep sending after the burst. */
  perSecond: number;
}

export interface Bucket {
  tokens: number;
  /** When `tokens` was last computed, in ms. */
  at: number;
}

export type Taken =
  | { allowed: true; bucket: Bucket }
  | { allowed: false; bucket: Bucket; retryAfterSeconds: number };

/** Takes one request from `bucket` (a full one when absent) at time `now`. */
export function take(bucket: Bucket | undefined, now: number, limit: RateLimit): Taken {
  const elapsed = bucket ? Math.max(0, now - bucket.at) / 1000 : 0;
  const tokens = Math.min(limit.burst, bucket ? bucket.tokens + elapsed * limit.perSecond : limit.burst);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, at: now } };
  return {
    allowed: false,
    bucket: { tokens, at: now },
    retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / limit.perSecond)),
  };
}

/** Buckets kept before full ones are forgotten (a full bucket is the same as none). */
const MAX_BUCKETS = 10_000;

/** The limiter of one collector: `check(address)` says whether this request may go on. */
export function createRateLimiter(limit: RateLimit, now: () => number = Date.now) {
  const buckets = new Map<string, Bucket>();
  return function check(address: string): Taken {
    const taken = take(buckets.get(address), now(), limit);
    buckets.set(address, taken.bucket);
    if (buckets.size > MAX_BUCKETS) {
      const at = now();
      for (const [key, bucket] of buckets) {
        if (take(bucket, at, limit).bucket.tokens >= limit.burst - 1) buckets.delete(key);
      }
    }
    return taken;
  };
}
