/** Writes a console message once per cause, so a collector that keeps failing does not flood the page. */
export type Report = (level: 'warn' | 'error', cause: string, message: string) => void;

/** One reporter per adapter: each `connect()` tells its own story once. */
export function createReport(): Report {
  const seen = new Set<string>();
  return (level, cause, message) => {
    if (seen.has(cause)) return;
    seen.add(cause);
    console[level](`[touchpoint] ${message}`);
  };
}
