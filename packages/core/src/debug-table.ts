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
