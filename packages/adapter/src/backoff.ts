/** The first retry waits up to this long. */
export const BACKOFF_BASE_MS = 1000;
/** No wait grows beyond this, however many attempts failed; it also bounds `Retry-After`. */
export const BACKOFF_CAP_MS = 300_000;

/**
 * How long to wait before retry number `attempt` (from 0): exponential backoff with full jitter
 * (a random wait between 0 and the exponential bound), which spreads the retries of many clients
 * after a collector outage instead of syncing them, and at least what a `Retry-After` header
 * asks, in delay-seconds or as an HTTP-date (RFC 9110 §10.2.3). The header is a minimum: `0`, a
 * past date or an unreadable value must not turn into an undelayed loop that never backs off.
 */
export function retryDelay(
  attempt: number,
  header?: string | null,
  now = Date.now(),
  random = Math.random,
): number {
  // A number is delay-seconds (`+` ignores the spaces around it, and reads null or '' as 0);
  // anything else may be a date, and NaN when it is not one, which `|| 0` ignores. `0` also asks
  // Date.parse, which reads it as a past year or NaN: as a minimum, a negative wait is no wait.
  const asked = +(header as string) * 1000 || Date.parse(header as string) - now || 0;
  return Math.min(
    BACKOFF_CAP_MS,
    Math.max(asked, random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt)),
  );
}
