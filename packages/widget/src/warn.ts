const warned = new Set<string>();

/** Reports a problem on the console once per cause (STYLE.md 7), never throwing. */
export function warnOnce(cause: string, message: string): void {
  if (warned.has(cause)) return;
  warned.add(cause);
  console.warn(`[touchpoint] ${message}`);
}

/**
 * Reports an option of `mountWidget` the widget does not use, and what it uses instead. What
 * was expected is a developer diagnostic: callers pass it as `__DEV__ && '…'`, so production
 * builds drop the text but still name the option, its value and the fallback (STYLE.md).
 */
export function refuse(option: string, value: unknown, instead: string, expected: string | false): void {
  warnOnce(
    `${option}:${value}`,
    `${option} "${value}": ${expected ? `expected ${expected}; ` : ''}using ${instead}.`,
  );
}
