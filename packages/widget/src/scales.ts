import type { Metric } from '@touchpoint/core';

/**
 * The conventional scale of each metric as [lowest, highest] score.
 * - NPS 0–10: "How likely is it that you would recommend [company] to a friend or colleague?",
 *   anchored 0 "Not at all likely" and 10 "Extremely likely" (Reichheld, HBR 2003).
 * - CSAT 1–5: "Very unsatisfied" … "Very satisfied", every point labelled (the ACSI-style
 *   five-point satisfaction item most CSAT tools ship).
 * - CES 1–7: CES 2.0 (CEB, now Gartner, 2013) moved from a 1–5 "how much effort" item to a
 *   seven-point scale; we label it "Very difficult" … "Very easy", every point labelled.
 * Labels live in the locale tables under `${metric}${score}` (e.g. `csat4`); NPS labels only its
 * two ends, as Reichheld's item does.
 */
export const SCALES: Record<Metric, readonly [min: number, max: number]> = {
  nps: [0, 10],
  csat: [1, 5],
  ces: [1, 7],
};

/** Every score of a metric's scale, lowest first. */
export function scores(metric: Metric): number[] {
  const [min, max] = SCALES[metric];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
