/**
 * Writes `[touchpoint] <what>; <instead>` once per cause, so a collector that keeps failing
 * does not flood the page. Every message has that one shape: what was wrong, what happens instead.
 */
export type Report = (cause: string, what: string, instead: string, level?: 'warn' | 'error') => void;

/** One reporter per adapter: each `connect()` tells its own story once. */
export function createReport(): Report {
  const seen = new Set<string>();
  return (cause, what, instead, level = 'warn') => {
    if (seen.has(cause)) return;
    seen.add(cause);
    console[level](`[touchpoint] ${what}; ${instead}`);
  };
}
