/**
 * Writes `[touchpoint] <what>; <instead>` once per `what`, so a collector that keeps failing
 * does not flood the page. Every message has that one shape: what was wrong (the cause, with
 * a status or a field name in it), and what happens instead.
 */
export type Report = (what: string, instead: string, level?: 'warn' | 'error') => void;

/** One reporter per adapter: each `connect()` tells its own story once. */
export function createReport(): Report {
  const seen = new Set<string>();
  return (what, instead, level = 'warn') => {
    if (seen.has(what)) return;
    seen.add(what);
    console[level](`[touchpoint] ${what}; ${instead}`);
  };
}
