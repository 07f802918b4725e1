import type { Band, Metric } from '@touchpoint/core';

/**
 * The highest score of the `low` and of the `mid` band, per metric (README "Scales and bands").
 * - NPS: detractors 0–6, passives 7–8, promoters 9–10 (Reichheld, "The One Number You Need to
 *   Grow", Harvard Business Review, Dec 2003; Bain & Company's Net Promoter System).
 * - CSAT 1–5: the top two boxes (4–5) count as satisfied, the bottom two (1–2) as not, as in the
 *   ACSI and most CSAT reporting; 3 is neutral.
 * - CES 1–7 (CEB/Gartner CES 2.0): 5–7 are easy (the share reported as the "CES"), 1–3 are hard,
 *   4 is neutral.
 */
const CUTS: Record<Metric, readonly [low: number, mid: number]> = {
  nps: [6, 8],
  csat: [2, 3],
  ces: [3, 4],
};

/** The band a score falls in, which picks the follow-up question and link. */
export function band(metric: Metric, score: number): Band {
  const [low, mid] = CUTS[metric];
  return score <= low ? 'low' : score <= mid ? 'mid' : 'high';
}
