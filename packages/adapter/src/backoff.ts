/** The first retry waits up to this long. */
export const BACKOFF_BASE_MS = 1000;
/** No wait grows beyond this, however many attempts failed; it also bounds `Retry-After`. */
export const BACKOFF_CAP_MS = 300_000;

/**
 * Exponential backoff with full jitter (a random wait between 0 and the exponential bound),
 * which spreads the retries of many clients after a collector outage instead of syncing them.
 */
export function backoff(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
}

/**
 * A `Retry-After` header in ms from `now`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable, so the caller falls back to {@link backoff}.
 */
export function retryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header?.trim()) return;
  // A number is delay-seconds (`+` ignores the spaces around it); anything else may be a date.
  const ms = Number.isNaN(+header) ? Date.parse(header) - now : +header * 1000;
  return Number.isNaN(ms) ? undefined : Math.min(BACKOFF_CAP_MS, Math.max(0, ms));
}
