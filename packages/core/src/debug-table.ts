import { hasDebugParam } from './debug-param.js';
import { formatReason } from './reason.js';
import type { Explanation } from './types.js';

/** `?tp_debug=1`: every survey on this page, and why it fails, as a console table. */
export function logExplanations(path: string, explanations: Explanation[]): void {
  console.info(`[touchpoint] surveys on ${path} (tp_debug=1)`);
  console.table(
    explanations.map(({ id, eligible, reasons }) => ({
      id,
      eligible,
      why: reasons
        .filter((reason) => !reason.ok)
        .map((reason) => `${reason.rule}: ${formatReason(reason)}`)
        .join('; '),
    })),
  );
}

/**
 * The table, when the page's address asks for it (`?tp_debug=1`). It takes functions, so nothing
 * is judged without the parameter; the script tag, whose debug file prints the table, swaps this
 * module for one that does nothing (rollup.config.mjs), and so computes nothing for it either.
 */
export function logIfDebugging(path: () => string, explanations: () => Explanation[]): void {
  if (typeof location !== 'undefined' && hasDebugParam(location.search))
    logExplanations(path(), explanations());
}
