// Words the insights page and its sections share.
import type { Metric } from './metrics.js';

export const NAMES: Record<Metric, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A share (0–1) in whole percent, or a dash. */
export const pct = (share: number | null | undefined): string =>
  share === null || share === undefined || !Number.isFinite(share) ? '–' : `${Math.round(share * 100)}%`;

/** A difference of shares (0–1) in signed percentage points. */
export const points = (difference: number): string => {
  const v = Math.round(difference * 100);
  return v > 0 ? `+${v} pp` : v < 0 ? `−${-v} pp` : '0 pp';
};

/** A metric's value as people read it; null is "no data", never NaN. */
export function formatValue(metric: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return 'no data';
  if (metric === 'nps') return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0';
  if (metric === 'csat') return `${value}%`;
  return value.toFixed(1);
}
