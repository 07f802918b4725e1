import { formatReason, type Reason } from '../../packages/core/src/reason';
import type { Explanation } from '../../packages/core/src/types';

/** A reason as people read it: its rule, outcome and the one formatter's text. */
export const readable = (reason: Reason | undefined) =>
  reason && { rule: reason.rule, ok: reason.ok, detail: formatReason(reason) };

/** Explanations with every reason {@link readable}. */
export const readableAll = (list: Explanation[]) =>
  list.map(({ id, eligible, reasons }) => ({ id, eligible, reasons: reasons.map(readable) }));
