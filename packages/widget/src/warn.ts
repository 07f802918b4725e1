const warned = new Set<string>();

/** Reports a problem on the console once per cause (STYLE.md 7), never throwing. */
export function warnOnce(cause: string, message: string): void {
  if (warned.has(cause)) return;
  warned.add(cause);
  console.warn(`[touchpoint] ${message}`);
}
