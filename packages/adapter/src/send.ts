// The HTTP edge: one POST to the collector, reduced to what the delivery policy needs.

/**
 * A collector's answer: its status and `Retry-After` header. Status 0: the request failed
 * (network, CORS); a hung request reads as 408.
 */
export type Outcome = [status: number, retryAfter?: string | null];

/** A request without an answer after this long is aborted, and retried like a 408. */
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * POSTs a body; never rejects. A request without an answer after {@link REQUEST_TIMEOUT_MS} is aborted.
 *
 * `hiding`: the page is going away. A keepalive fetch outlives it (its body must stay under
 * 64 KiB) and `text/plain` without other headers avoids a CORS preflight that browsers may not send during unload.
 * Without fetch, or when it fails, `sendBeacon` queues the body; its fate is unknown, so the
 * caller keeps the events stored and a later page resends them (collectors de-duplicate by id).
 * No timeout then: nothing would be left to act on it.
 */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  hiding?: boolean,
): Promise<Outcome> {
  // Engines without AbortSignal.timeout (Safari < 16) wait as long as the browser does; a
  // hand-made timer would cost bytes for a shrinking share of visitors.
  const signal = hiding ? null : AbortSignal.timeout?.(REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      // Hiding: no header at all, so the string body goes as the platform's default,
      // text/plain;charset=UTF-8; none of the app's or the format's either, since any would force
      // the preflight too (presets carry their keys in the body for this).
      headers: hiding ? {} : { 'Content-Type': 'application/json', ...headers },
      keepalive: !!hiding,
      signal,
    });
    return [response.status, response.headers.get('Retry-After')];
  } catch {
    if (hiding)
      try {
        navigator.sendBeacon(url, body);
      } catch {
        // No beacon either: the events stay queued for the next page.
      }
    // A timeout is the collector's fault, not the network's: retry with backoff (as for 408)
    // instead of waiting for an `online` event that will not come.
    return [signal?.aborted ? 408 : 0];
  }
}
